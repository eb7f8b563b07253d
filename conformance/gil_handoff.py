#!/usr/bin/env python3
"""Measures the costed model's handoffPerWaiterUs: how long the GIL stays unheld when
one thread gives it to another, against the number of threads waiting for it.

n threads each run a Python loop that reads time.perf_counter_ns() on every turn. A
thread that finds a gap of more than GAP_NS since its previous reading did not run in
between: it notes the gap's two ends. Every thread's runs are then known (from one
resumption to the next gap), and so is the GIL's timeline: sorted by start, the runs of
different threads follow each other, and the time from one run's last reading to the
next run's first reading (of another thread) is a hand-off, with n - 1 threads waiting.
Nobody's turn is needed to measure it (a timer thread of its own would queue for the
GIL like the others), and a gap inside one thread with nobody else running in it (an
interrupt, a page fault) is not counted.

Each thread count runs in a process of its own, for a few seconds, --repeat times; each
run prints JSON: the hand-offs seen, their median, quartiles and mean (µs), and the runs
that overlapped (a check: the GIL lets one thread run at a time, so there must be
none). The last line sums up (see `summary`): per thread
count the median of the runs' means, and the line a + b x waiting through them. b, the
growth per thread waiting, is what the model's handoffPerWaiterUs stands for
(src/scenario/costed-timing.ts); a, the floor, the model does not charge: the step
costs of measure_costs.py were timed end to end and hold it already.

Usage: gil_handoff.py [--threads 2,10,50,100,300,500,1000,2000] [--seconds 3] [--repeat 3]
[--fit-below 500]. The runs of several invocations (files of the JSON lines it printed)
are summed up together by `gil_handoff.py --summarise FILE... [--fit-below 500]
[--invocations 2,3]`; conformance/measurements/ keeps the runs behind the docs' figures
(docs/conformance.md, "The hand-off, measured").
Standard library only.
"""
import argparse
import json
import os
import random
import statistics
import subprocess
import sys
import threading
import time

# A loop turn takes well under a microsecond; a longer gap means the thread was off the GIL.
GAP_NS = 5_000
# Readings before the measured window are dropped: threads start one by one.
SETTLE_SECONDS = 0.3


def child(n, seconds):
    state = {"stop": False}
    gaps = [None] * n
    firsts = [0] * n
    lasts = [0] * n
    ready = threading.Barrier(n + 1)

    def spin(i):
        ready.wait()
        mine = []
        clock = time.perf_counter_ns
        last = clock()
        firsts[i] = last
        while not state["stop"]:
            now = clock()
            if now - last > GAP_NS:
                mine.append((last, now))
            last = now
        gaps[i] = mine
        lasts[i] = last

    threads = [threading.Thread(target=spin, args=(i,), daemon=True) for i in range(n)]
    for t in threads:
        t.start()
    ready.wait()
    time.sleep(SETTLE_SECONDS)
    start = time.perf_counter_ns()
    time.sleep(seconds)
    end = time.perf_counter_ns()
    state["stop"] = True
    for t in threads:
        t.join()
    print(json.dumps(handoffs(n, gaps, firsts, lasts, start, end)), flush=True)
    os._exit(0)


def handoffs(n, gaps, firsts, lasts, start, end):
    runs = []
    for i in range(n):
        begin = firsts[i]
        for last, resumed in gaps[i]:
            runs.append((begin, last, i))
            begin = resumed
        runs.append((begin, lasts[i], i))
    runs = sorted(r for r in runs if r[0] >= start and r[1] <= end)
    times = []
    overlaps = 0
    for (_, prev_end, prev_thread), (next_start, _, next_thread) in zip(runs, runs[1:]):
        if prev_thread == next_thread:
            continue
        if next_start < prev_end:
            overlaps += 1
            continue
        times.append((next_start - prev_end) / 1000)
    if len(times) < 4:
        return {"threads": n, "handoffs": len(times), "overlaps": overlaps}
    quartiles = statistics.quantiles(times, n=4)
    return {
        "threads": n,
        "handoffs": len(times),
        "medianUs": round(quartiles[1], 2),
        "quartilesUs": [round(quartiles[0], 2), round(quartiles[2], 2)],
        "meanUs": round(statistics.fmean(times), 2),
        "overlaps": overlaps,
    }


def line_fit(points):
    """Least squares y = a + b x."""
    xs = [x for x, _ in points]
    ys = [y for _, y in points]
    mx, my = statistics.fmean(xs), statistics.fmean(ys)
    sxx = sum((x - mx) ** 2 for x in xs)
    b = sum((x - mx) * (y - my) for x, y in points) / sxx
    return my - b * mx, b


def summary(results, fit_below):
    """Per thread count, the median over repeats of each run's mean hand-off (a median, as
    one run in a few collapses: its mean is milliseconds); the line through those with
    fewer than `fit_below` waiting, and a bootstrap 95% range of its slope (runs
    resampled within each thread count, 4,000 times, seeded)."""
    means = {}
    for r in results:
        if "meanUs" in r:
            means.setdefault(r["threads"] - 1, []).append(r["meanUs"])
    fitted = {x: v for x, v in means.items() if x < fit_below}
    out = {"medianOfMeansUs": {str(x + 1): statistics.median(v) for x, v in sorted(means.items())}}
    if len(fitted) < 2:
        return out
    a, b = line_fit([(x, statistics.median(v)) for x, v in fitted.items()])
    rng = random.Random(1)
    slopes = sorted(
        line_fit([(x, statistics.median([rng.choice(v) for _ in v])) for x, v in fitted.items()])[1]
        for _ in range(4000)
    )
    out["fit"] = f"mean hand-off = a + b x waiting, below {fit_below} waiting"
    out["aUs"] = round(a, 1)
    out["bUsPerWaiter"] = round(b, 3)
    out["b95"] = [round(slopes[100], 3), round(slopes[3899], 3)]
    return out


def main():
    if len(sys.argv) == 4 and sys.argv[1] == "--child":
        child(int(sys.argv[2]), float(sys.argv[3]))
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--threads", default="2,10,50,100,300,500,1000,2000")
    parser.add_argument("--seconds", type=float, default=3.0)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--fit-below", type=int, default=500, help="fit the thread counts with fewer waiting")
    parser.add_argument("--summarise", nargs="+", metavar="FILE", help="sum up the runs in these files instead of measuring")
    parser.add_argument("--invocations", help="with --summarise: only the runs whose `invocation` is one of these")
    args = parser.parse_args()
    if args.summarise:
        runs = [json.loads(line) for path in args.summarise for line in open(path) if '"threads"' in line]
        if args.invocations:
            keep = {int(x) for x in args.invocations.split(",")}
            runs = [r for r in runs if r.get("invocation") in keep]
        print(json.dumps(summary(runs, args.fit_below)))
        return
    results = []
    for n in (int(x) for x in args.threads.split(",")):
        for _ in range(args.repeat):
            done = subprocess.run(
                [sys.executable, __file__, "--child", str(n), str(args.seconds)],
                capture_output=True,
                text=True,
                timeout=600,
                check=True,
            )
            result = json.loads(done.stdout.strip().splitlines()[-1])
            print(json.dumps(result), flush=True)
            results.append(result)
    print(json.dumps(summary(results, args.fit_below)), flush=True)


if __name__ == "__main__":
    main()
