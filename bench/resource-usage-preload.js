// Loaded with `node --import` into the process that runs bin/pos-sim.js when GNU time is
// not available (bench/measure.ts): at exit, writes the process's CPU time (user and
// system seconds, every thread included) and peak RSS in kB to the file named by
// POS_SIM_BENCH_USAGE_FILE, in the order GNU time's `-f "%U %S %M"` prints them.
// Node hands --import on to worker threads too; only the main thread writes, when the
// whole process is done.
import { writeFileSync } from 'node:fs';
import { isMainThread } from 'node:worker_threads';

const file = process.env.POS_SIM_BENCH_USAGE_FILE;
if (file && isMainThread) {
  process.on('exit', () => {
    const usage = process.resourceUsage();
    writeFileSync(file, `${(usage.userCPUTime / 1e6).toFixed(6)} ${(usage.systemCPUTime / 1e6).toFixed(6)} ${usage.maxRSS}\n`);
  });
}
