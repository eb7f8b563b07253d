/**
 * `npm run bench`: runs the fixed workloads of bench/workloads/ through the real CLI and
 * reports, for each, events/s, submissions/s, rounds/s, wall and CPU time and peak RSS;
 * then the speed-up of replications on every core over one worker, and its bound.
 *
 *   options -> for each workload: validate -> run N times (measure.ts) -> median (report.ts)
 *           -> bench/results/bench-<timestamp>.json + a table on stdout
 *
 * Progress goes to stderr. Exit codes: 0 done (skipped workloads included), 1 a run
 * failed, 2 bad options.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { median } from 'simple-statistics';
import { join, relative } from 'node:path';
import { loadSweep } from '../src/scenario/load.js';
import { measureRun, pickUsageProbe, type RunRequest, type RunSample, type UsageProbe } from './measure.js';
import { BenchUsageError, parseBenchOptions, USAGE, type BenchOptions } from './options.js';
import { figures, machine, reportTable, speedupBound, writeReport, type SpeedupResult, type WorkloadResult } from './report.js';
import { checkWorkload, REPO_ROOT, scaledRounds, SPEEDUP, SWEEP, workloadFile, type WorkloadName } from './workloads.js';

const progress = (text: string) => process.stderr.write(`bench: ${text}\n`);

async function main(): Promise<number> {
  let options: BenchOptions | 'help';
  try {
    options = parseBenchOptions(process.argv.slice(2));
  } catch (error) {
    if (!(error instanceof BenchUsageError)) throw error;
    process.stderr.write(`bench: ${error.message}\n${USAGE}\n`);
    return 2;
  }
  if (options === 'help') {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const startedAt = new Date().toISOString();
  const usageProbe = pickUsageProbe();
  const scratch = mkdtempSync(join(tmpdir(), 'pos-sim-bench-'));
  const workloads: WorkloadResult[] = [];
  let speedup: SpeedupResult | undefined;
  let sweep: SpeedupResult | undefined;
  try {
    for (const name of options.workloads) workloads.push(await benchWorkload(name, options, usageProbe, scratch));
    if (options.speedup) speedup = await benchSpeedup(options, usageProbe, scratch);
    if (options.sweep) sweep = await benchSweep(options, usageProbe, scratch);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
  const report = { startedAt, machine: machine(), options, usageProbe, workloads, ...(speedup && { speedup }), ...(sweep && { sweep }) };
  const path = writeReport(join(REPO_ROOT, 'bench/results'), report);
  process.stdout.write(`${reportTable(report)}\nresults: ${relative(process.cwd(), path)}\n`);
  return workloads.some((w) => w.status === 'failed') || speedup?.status === 'failed' || sweep?.status === 'failed' ? 1 : 0;
}

/** The same replications on one worker and on every core (median wall and CPU times of the repeats). */
async function benchSpeedup(options: BenchOptions, probe: UsageProbe, scratch: string): Promise<SpeedupResult> {
  const { name, workload } = SPEEDUP;
  const check = checkWorkload(workload);
  if (!check.ok) return { name, status: 'failed', reason: check.problem };
  const rounds = scaledRounds(check.rounds, options.scale);
  const replications = options.replications;
  return benchScaling({ name, workload, replications, rounds }, options, probe, scratch, (workers, outDir) => ({
    scenarioFile: workloadFile(workload),
    rounds,
    outDir,
    replications: { count: replications, workers },
  }));
}

/** `pos-sim sweep` of the sweep workload on one worker and on every core. */
async function benchSweep(options: BenchOptions, probe: UsageProbe, scratch: string): Promise<SpeedupResult> {
  const { name, file } = SWEEP;
  try {
    const { plan, base } = loadSweep(file, readFileSync(join(REPO_ROOT, file), 'utf8'));
    const replications = plan.cells.length * plan.replications;
    return await benchScaling({ name, workload: file, replications, rounds: base.rounds ?? 0 }, options, probe, scratch, (workers, outDir) => ({
      scenarioFile: file,
      rounds: base.rounds ?? 0,
      outDir,
      sweep: { workers },
    }));
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { name, status: 'failed', reason };
  }
}

async function benchScaling(
  what: { name: string; workload: string; replications: number; rounds: number },
  options: BenchOptions,
  probe: UsageProbe,
  scratch: string,
  request: (workers: number, outDir: string) => RunRequest,
): Promise<SpeedupResult> {
  const { name, workload, replications, rounds } = what;
  const cores = availableParallelism();
  const timed = async (workers: number): Promise<{ wall: number; cpu: number }> => {
    const samples: RunSample[] = [];
    for (let k = 1; k <= options.repeat; k++) {
      const outDir = join(scratch, `${name}-${workers}-${k}`);
      progress(`${name}: ${replications} replications of ${workload} on ${workers} worker(s), run ${k}/${options.repeat} ...`);
      try {
        const sample = await measureRun(request(workers, outDir), probe);
        progress(`${name}: done in ${sample.wallSeconds.toFixed(2)} s, CPU ${sample.cpuSeconds.toFixed(2)} s`);
        samples.push(sample);
      } finally {
        rmSync(outDir, { recursive: true, force: true });
      }
    }
    return { wall: median(samples.map((s) => s.wallSeconds)), cpu: median(samples.map((s) => s.cpuSeconds)) };
  };
  try {
    const one = await timed(1);
    const all = await timed(cores);
    return {
      name,
      status: 'ok',
      workload,
      replications,
      rounds,
      workers: cores,
      oneWorkerSeconds: one.wall,
      allCoresSeconds: all.wall,
      oneWorkerCpuSeconds: one.cpu,
      allCoresCpuSeconds: all.cpu,
      speedup: one.wall / all.wall,
      speedupBound: speedupBound(one, all.cpu, cores),
    };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    progress(`${name}: failed: ${reason}`);
    return { name, status: 'failed', reason };
  }
}

async function benchWorkload(name: WorkloadName, options: BenchOptions, probe: UsageProbe, scratch: string): Promise<WorkloadResult> {
  const file = workloadFile(name);
  const check = checkWorkload(name);
  if (!check.ok) {
    progress(`${name}: skipped: ${check.problem}`);
    return { name, file, status: 'skipped', reason: check.problem };
  }
  const rounds = scaledRounds(check.rounds, options.scale);
  const samples: RunSample[] = [];
  for (let k = 1; k <= options.repeat; k++) {
    const outDir = join(scratch, `${name}-${k}`);
    progress(`${name}: run ${k}/${options.repeat}, ${rounds} rounds ...`);
    try {
      const sample = await measureRun({ scenarioFile: file, rounds, outDir, report: options.report }, probe);
      progress(`${name}: run ${k}/${options.repeat} done in ${sample.wallSeconds.toFixed(2)} s, peak RSS ${(sample.peakRssKb / 1024).toFixed(0)} MB`);
      samples.push(sample);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      progress(`${name}: failed: ${reason}`);
      return { name, file, status: 'failed', reason };
    } finally {
      rmSync(outDir, { recursive: true, force: true });
    }
  }
  return { name, file, status: 'ok', figures: figures(samples), samples };
}

process.exitCode = await main();
