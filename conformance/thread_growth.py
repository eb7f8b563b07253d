#!/usr/bin/env python3
"""Thread growth against the GIL, without the server: N threads in annouce_winner's loop
(Queue.get(block=False) raising Empty, then sleep(3 / K)), the main thread spinning as
pick_winner's literal loop does with temp_blocks empty, and a probe thread sleeping
5 / K as the intake does, which records how late it gets to run. Prints, per N, the
wake-ups achieved against the nominal N / (3 / K) per second, the spinner's loop rate,
and the probe's lateness (mean and 95th percentile, ms).

Usage: thread_growth.py K SECONDS N1,N2,... (e.g. 20 3 250,500,1000,1500,2000: the
pollers whales-10 has at 250-1,000 s). Standard library only. Thousands of threads
load the machine for a while after the run.
"""
import json
import queue
import random
import statistics
import sys
import threading
import time

def run(n, speedup, seconds):
    state = {"stop": False, "wakes": 0}
    empty = queue.Queue()
    def poller():
        time.sleep(random.random() * 3 / speedup)
        while not state["stop"]:
            try:
                empty.get(block=False)
            except queue.Empty:
                state["wakes"] += 1
                time.sleep(3 / speedup)
                continue
    late = []
    def probe():
        while not state["stop"]:
            t0 = time.perf_counter()
            time.sleep(5 / speedup)
            late.append(time.perf_counter() - t0 - 5 / speedup)
    for _ in range(n):
        threading.Thread(target=poller, daemon=True).start()
    time.sleep(3 / speedup + 0.3)
    threading.Thread(target=probe, daemon=True).start()
    w0 = state["wakes"]; iters = 0
    start = time.perf_counter(); end = start + seconds
    lock = threading.Lock(); temp = []
    while True:
        with lock:
            t = temp
        if t:
            pass
        with lock:
            temp.clear()
        iters += 1
        if iters % 2000 == 0 and time.perf_counter() > end:
            break
    wall = time.perf_counter() - start
    w = (state["wakes"] - w0) / wall
    state["stop"] = True
    time.sleep(0.5)
    late.sort()
    return dict(threads=n, iters_per_s=round(iters / wall), wakes_per_s=round(w), nominal_wakes_per_s=round(n / (3 / speedup)),
                probe_late_ms_mean=round(statistics.mean(late) * 1e3, 3) if late else None,
                probe_late_ms_p95=round(late[int(len(late) * 0.95)] * 1e3, 3) if late else None)

if __name__ == "__main__":
    speedup = float(sys.argv[1]); seconds = float(sys.argv[2])
    base = None
    for n in [int(x) for x in sys.argv[3].split(",")]:
        r = run(n, speedup, seconds)
        if base is None: base = r["iters_per_s"]
        lost = 1 - r["iters_per_s"] / base
        r["spinner_lost"] = round(lost, 4)
        print(json.dumps(r), flush=True)
