#!/usr/bin/env python3
"""Diagnostic for docs/conformance.md ("Where it still fails"): what n threads that all
want the GIL cost the Python work they share, on this machine. Not a constant of the
costed model.

n threads each run a counting loop (pure Python, never blocking) for a few seconds; the
total count per second, against one thread alone, is the share of the GIL's time that
still does Python work. CPython's waiters sleep on a timed condition variable and wake
each switch interval (5 ms) to ask for a switch; the CPU they burn doing so, and the
context switches, come out of the same two cores. Each measurement runs in a process of
its own (its threads end with it); the process's CPU time (user plus system, in cores)
and context switches per second are printed beside the throughput.

Usage: gil_waiters.py [--threads 1,100,300,500,1000,2000] [--repeat 5] [--seconds 2].
Standard library only. Prints JSON: per thread count, every repeat's relative
throughput, cores used and context switches per second.
"""
import argparse
import json
import os
import resource
import subprocess
import sys
import threading
import time


def child(n, seconds):
    counts = [0] * n
    state = {"stop": False}
    ready = threading.Barrier(n + 1)

    def count(i):
        ready.wait()
        c = 0
        while not state["stop"]:
            c += 1
        counts[i] = c

    threads = [threading.Thread(target=count, args=(i,), daemon=True) for i in range(n)]
    for t in threads:
        t.start()
    ready.wait()
    before = resource.getrusage(resource.RUSAGE_SELF)
    start = time.perf_counter()
    time.sleep(seconds)
    state["stop"] = True
    counting = time.perf_counter() - start
    for t in threads:
        t.join()
    # CPU and switches up to the last thread's end, over the time up to it: the threads
    # still queued for the GIL at the stop burn CPU until they have seen it.
    elapsed = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_SELF)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    switches = (after.ru_nvcsw - before.ru_nvcsw) + (after.ru_nivcsw - before.ru_nivcsw)
    print(json.dumps({"rate": sum(counts) / counting, "cores": cpu / elapsed, "switchesPerSecond": switches / elapsed}), flush=True)
    os._exit(0)


def measure(n, seconds):
    out = subprocess.run([sys.executable, os.path.abspath(__file__), "--child", str(n), str(seconds)],
                         capture_output=True, text=True, timeout=300, check=True).stdout
    return json.loads(out.strip().splitlines()[-1])


def main():
    if len(sys.argv) == 4 and sys.argv[1] == "--child":
        child(int(sys.argv[2]), float(sys.argv[3]))
    parser = argparse.ArgumentParser()
    parser.add_argument("--threads", default="1,100,300,500,1000,2000")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--seconds", type=float, default=2.0)
    args = parser.parse_args()
    counts = [int(x) for x in args.threads.split(",")]
    alone = sorted(measure(1, args.seconds)["rate"] for _ in range(args.repeat))[args.repeat // 2]
    result = {"python": sys.version.split()[0], "oneThreadRate": round(alone), "threads": {}}
    for n in counts:
        runs = [measure(n, args.seconds) for _ in range(args.repeat)]
        result["threads"][str(n)] = {
            "relative": [round(r["rate"] / alone, 2) for r in runs],
            "cores": [round(r["cores"], 2) for r in runs],
            "switchesPerSecond": [round(r["switchesPerSecond"]) for r in runs],
        }
        print(f"{n} threads: {result['threads'][str(n)]['relative']}", file=sys.stderr, flush=True)
    json.dump(result, sys.stdout)
    print()


if __name__ == "__main__":
    main()
