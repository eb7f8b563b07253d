// Loaded with `node --import` into the process that runs bin/pos-sim.js when GNU time is
// not available (bench/measure.ts): at exit, writes this process's peak RSS in kB
// (process.resourceUsage().maxRSS) to the file named by POS_SIM_BENCH_RSS_FILE.
import { writeFileSync } from 'node:fs';

const file = process.env.POS_SIM_BENCH_RSS_FILE;
if (file) process.on('exit', () => writeFileSync(file, `${process.resourceUsage().maxRSS}\n`));
