#!/usr/bin/env python3
"""Measures the cost constants of pos-sim's `timing: costed` on this machine, with the
tutorial's own functions (cut from the tutorial text by seed_server.assemble) where
the server's steps use them. Prints JSON: real microseconds per step, at speed-up 1.

  ticketUs      one `lottery_pool.append` of pick_winner's per-token loop
  dumpBlockUs   json.dumps of the chain, per block (the sync sender, under My_Lock)
  lineUs        one BPM line in the handler: int(), generate_block (one hash),
                is_block_valid (one more), candidate_blocks.put, two sends, and the
                two Thread.start() calls (each waits until its thread has started)
  connectUs     accepting a connection: the handler thread's start, the prompt,
                int(balance), the address hash, the dict insert
  wakeUs        a periodic thread's wake-up that finds nothing (Queue.get(block=False)
                raising Empty, the except): intake, pollers; the sleep itself is I/O
  threadStartUs one Thread.start() (the main thread starts the intake, then the
                lottery: the lottery's first sleep begins this much later)
  sleepLatencyUs  how late time.sleep(0.001) returns, on average
  clientSleepLatencyUs  the same number: how late a client's line reaches the server,
                the harness's clients being Python threads that sleep until each line's
                instant on this machine (run_real.py)
  switchIntervalUs  sys.getswitchinterval()

Diagnostic, not a constant of the model (docs/conformance.md, "whales-10 with a faithful
recorder", item 2):

  contendedWakeUs  a whole wake-up (the OS wake, the GIL, the poller's pass, the next
                sleep) with n threads contending for the GIL, n = 50 .. 600: n threads
                run annouce_winner's loop with a sleep far too short for the GIL to keep
                up (0.5 ms), in a process of their own; one wake-up takes the run's time
                over the wake-ups done. `contendedWakeLine` is its least-squares line
                a + b n. Threads asleep cost nothing (2,000 sleeping beside 100 pollers:
                the same 20 µs per wake-up); threads that contend cost some 23 µs at
                100-200, 28 at 400, 35 at 600 on this machine, against wakeUs' 1.2-1.5.

Diagnostic too (docs/conformance.md, "How much one step varies"):

  stepSpread    per step, each of 1,000 calls timed alone: the coefficient of variation
                (sd / mean) and the 10th, 50th and 90th percentiles, µs. The model charges
                every step its constant; these say how much a real one varies.

Usage: measure_costs.py --tutorial FILE [--repeat N] [--dispersion-only]. Standard
library only; the median of N repeats of each measurement is printed.
"""
import argparse
import json
import os
import queue
import socket
import statistics
import subprocess
import sys
import threading
import time

from seed_server import assemble


def per_call(fn, n, repeat):
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn(n)
        samples.append((time.perf_counter() - start) / n * 1e6)
    return statistics.median(samples)


def dispersion(fn, n):
    """Each of n calls timed alone: how much one call's time varies (the coefficient of
    variation, sd / mean) and its 10th, 50th and 90th percentiles, µs."""
    times = []
    for _ in range(n):
        start = time.perf_counter_ns()
        fn(1)
        times.append((time.perf_counter_ns() - start) / 1000)
    deciles = statistics.quantiles(times, n=10)
    return {
        "cv": round(statistics.stdev(times) / statistics.fmean(times), 3),
        "p10": round(deciles[0], 1),
        "p50": round(statistics.median(times), 1),
        "p90": round(deciles[8], 1),
    }


def late_sleeps(n=200):
    late = []
    for _ in range(n):
        start = time.perf_counter()
        time.sleep(0.001)
        late.append((time.perf_counter() - start - 0.001) * 1e6)
    return late


WAKE_THREADS = (50, 100, 200, 400, 600)


def saturated_wakes(n, seconds=1.0, period=0.0005):
    """Real µs per wake-up with n threads in the poller's loop, all contending (run in a
    child process: its threads end with it)."""
    out = subprocess.run([sys.executable, os.path.abspath(__file__), "--saturated-wakes", str(n), str(seconds), str(period)],
                         capture_output=True, text=True, timeout=120, check=True).stdout
    return float(out.strip().splitlines()[-1])


def saturated_wakes_child(n, seconds, period):
    empty = queue.Queue()
    counts = [0] * n
    state = {"go": False, "stop": False}

    def poller(i):
        while not state["go"]:
            time.sleep(0.005)
        while not state["stop"]:
            try:
                empty.get(block=False)
            except queue.Empty:
                # Counted as it happens: a thread still queued for the GIL at the end must
                # not lose the wake-ups it made (at 600 threads most had not left the loop
                # 50 ms after the stop, and their counts were read as 0).
                counts[i] += 1
                time.sleep(period)
                continue

    for i in range(n):
        threading.Thread(target=poller, args=(i,), daemon=True).start()
    time.sleep(0.3 + n / 2000)
    state["go"] = True
    start = time.perf_counter()
    time.sleep(seconds)
    woke = sum(counts)
    elapsed = time.perf_counter() - start
    state["stop"] = True
    print(elapsed / max(1, woke) * 1e6, flush=True)
    os._exit(0)


def wake_line(repeat):
    """(a, b, points): least squares a + b n over the median µs per wake-up at each n."""
    points = [(n, statistics.median(saturated_wakes(n) for _ in range(repeat))) for n in WAKE_THREADS]
    mean_n = statistics.mean(n for n, _ in points)
    mean_us = statistics.mean(us for _, us in points)
    b = sum((n - mean_n) * (us - mean_us) for n, us in points) / sum((n - mean_n) ** 2 for n, _ in points)
    return mean_us - b * mean_n, b, points


def main():
    if len(sys.argv) == 5 and sys.argv[1] == "--saturated-wakes":
        saturated_wakes_child(int(sys.argv[2]), float(sys.argv[3]), float(sys.argv[4]))
    parser = argparse.ArgumentParser()
    parser.add_argument("--tutorial", required=True)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--dispersion-only", action="store_true", help="only the per-call spread (stepSpread), not the constants")
    args = parser.parse_args()
    with open(args.tutorial, encoding="utf-8") as f:
        ns = {"__name__": "pos_tutorial"}
        exec(compile(assemble(f.read()), "pos.py", "exec"), ns)
    generate_block, is_block_valid, calculate_hash = ns["generate_block"], ns["is_block_valid"], ns["calculate_hash"]
    genesis = {"Index": 0, "Timestamp": "2018-08-07 20:44:00.123456", "BPM": 0, "PrevHash": "", "Validator": ""}
    genesis["Hash"] = calculate_hash(genesis)
    address = "e49a8f4e0522a22040ff49e824c7d0b857b202cdf7803b13fea00b7572a78c9b"
    chain = [genesis]
    for _ in range(200):
        chain.append(generate_block(chain[-1], 72, address))

    def tickets(n):
        pool = []
        for i in range(n):
            pool.append(address)

    def dumps(n):
        for _ in range(n):
            json.dumps(chain)

    a, b = socket.socketpair()
    drain = threading.Thread(target=lambda: [b.recv(65536) for _ in iter(int, 1)], daemon=True)
    drain.start()
    candidates = queue.Queue()

    def lines(n):
        for _ in range(n):
            bpm = int(b"72\n")
            new_block = generate_block(chain[-1], bpm, address)
            if is_block_valid(new_block, chain[-1]):
                candidates.put(new_block)
            a.send(b"\nEnter a new BPM:\n")
            a.send(b"\nEnter a new BPM:")
            for _ in range(2):
                threading.Thread(target=lambda: None, daemon=True).start()

    def connects(n):
        for _ in range(n):
            threading.Thread(target=lambda: None, daemon=True).start()
            a.send(b"Enter token balance:")
            balance = int(b"500\n")
            t = str(ns["datetime"].now())
            address_ = ns["sha256"](t.encode()).hexdigest()
            ns["validators"][address_] = balance

    empty = queue.Queue()

    def wakes(n):
        for _ in range(n):
            try:
                empty.get(block=False)
            except queue.Empty:
                pass

    def starts(n):
        for _ in range(n):
            threading.Thread(target=lambda: None, daemon=True).start()

    # Before the constants: the defaults of 2026-12-04 were read after this pass (1,000
    # more validators in the dict, a warmed-up interpreter); earlier readings had none.
    late = late_sleeps(1000)
    spread = {
        "lineUs": dispersion(lines, 1000),
        "connectUs": dispersion(connects, 1000),
        "threadStartUs": dispersion(starts, 1000),
        "sleepLatencyUs": {"cv": round(statistics.stdev(late) / statistics.fmean(late), 3), "p10": round(statistics.quantiles(late, n=10)[0], 1), "p50": round(statistics.median(late), 1), "p90": round(statistics.quantiles(late, n=10)[8], 1)},
    }
    if args.dispersion_only:
        json.dump({"stepSpread": spread, "python": sys.version.split()[0]}, sys.stdout)
        print()
        return
    result = {
        "ticketUs": per_call(tickets, 1_000_000, args.repeat),
        "dumpBlockUs": per_call(dumps, 20, args.repeat) / len(chain),
        "lineUs": per_call(lines, 500, args.repeat),
        "connectUs": per_call(connects, 500, args.repeat),
        "wakeUs": per_call(wakes, 20_000, args.repeat),
        "threadStartUs": per_call(starts, 500, args.repeat),
        "sleepLatencyUs": statistics.mean(late_sleeps()),
        "switchIntervalUs": sys.getswitchinterval() * 1e6,
    }
    result["clientSleepLatencyUs"] = result["sleepLatencyUs"]
    a, b, points = wake_line(args.repeat)
    result["contendedWakeUs"] = {str(n): round(us, 2) for n, us in points}
    result["contendedWakeLine"] = {"a": round(a, 3), "b": round(b, 4)}
    result["stepSpread"] = spread
    result["python"] = sys.version.split()[0]
    json.dump({k: (round(v, 4) if isinstance(v, float) else v) for k, v in result.items()}, sys.stdout)
    print()


if __name__ == "__main__":
    main()
