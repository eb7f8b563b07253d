import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { median } from 'simple-statistics';
import type { RunSample, UsageProbe } from './measure.js';
import type { BenchOptions } from './options.js';

export interface Machine {
  readonly node: string;
  readonly cpu: string;
  readonly cores: number;
  readonly platform: string;
  readonly memoryGb: number;
}

/** A workload's figures: the median of its repeats; rates are counts over the median wall time. */
export interface Figures {
  readonly wallSeconds: number;
  /** CPU time of the whole process, every thread (median of the repeats). */
  readonly cpuSeconds: number;
  readonly peakRssMb: number;
  readonly eventsPerSecond: number;
  readonly submissionsPerSecond: number;
  readonly roundsPerSecond: number;
  readonly events: number;
  readonly rounds: number;
  readonly submissions: number;
}

export type WorkloadResult =
  | { readonly name: string; readonly file: string; readonly status: 'ok'; readonly figures: Figures; readonly samples: readonly RunSample[] }
  | { readonly name: string; readonly file: string; readonly status: 'skipped' | 'failed'; readonly reason: string };

/**
 * Replications on one worker and on every core: wall and CPU times (medians), the ratio
 * of the wall times, and the most it could be ({@link speedupBound}).
 */
export type SpeedupResult =
  | {
      readonly name: string;
      readonly status: 'ok';
      readonly workload: string;
      readonly replications: number;
      readonly rounds: number;
      readonly workers: number;
      readonly oneWorkerSeconds: number;
      readonly allCoresSeconds: number;
      readonly oneWorkerCpuSeconds: number;
      readonly allCoresCpuSeconds: number;
      readonly speedup: number;
      readonly speedupBound: number;
    }
  | { readonly name: string; readonly status: 'failed'; readonly reason: string };

/**
 * The most running on `cores` cores can speed up a run that took `oneWorker.wall` s and
 * `oneWorker.cpu` s of CPU (every thread): a run on `cores` cores takes at least its own
 * CPU time `allCoresCpu` / `cores`, and that CPU time is at least the one-worker run's
 * (the same replications, plus a second isolate's start-up and compiler warm-up), so
 * the bound is `cores` × wall over the one-worker CPU time: what `cores` cores would give
 * if the second worker cost nothing. The one-worker run is not single-threaded (V8
 * compiles and collects garbage on threads of its own), so this is below `cores`. The
 * smaller of the two CPU times is used, so that the bound holds even when noise makes
 * the run on every core take less CPU than the one-worker run.
 */
export function speedupBound(oneWorker: { wall: number; cpu: number }, allCoresCpu: number, cores: number): number {
  const { wall, cpu } = oneWorker;
  if (!(wall > 0 && cpu > 0 && allCoresCpu > 0 && cores >= 1)) {
    throw new RangeError(`speedupBound: wall ${wall} s, CPU ${cpu} s and ${allCoresCpu} s, ${cores} cores`);
  }
  return (cores * wall) / Math.min(cpu, allCoresCpu);
}

export interface BenchReport {
  readonly startedAt: string;
  readonly machine: Machine;
  readonly options: BenchOptions;
  readonly usageProbe: UsageProbe;
  readonly workloads: readonly WorkloadResult[];
  readonly speedup?: SpeedupResult;
  /** The same for `pos-sim sweep` (replications: cells x replications per cell). */
  readonly sweep?: SpeedupResult;
}

export function machine(): Machine {
  const cores = cpus();
  return {
    node: process.version,
    cpu: cores[0]?.model.trim() ?? 'unknown',
    cores: cores.length,
    platform: `${process.platform}-${process.arch}`,
    memoryGb: Math.round(totalmem() / 2 ** 30),
  };
}

/**
 * The median of a workload's repeats. A run is deterministic, so every repeat has the
 * same counts; different counts mean the runs were not the same, and are refused.
 */
export function figures(samples: readonly RunSample[]): Figures {
  const [first, ...rest] = samples;
  if (!first) throw new Error('figures: no samples');
  for (const s of rest) {
    if (s.events !== first.events || s.rounds !== first.rounds || s.submissions !== first.submissions) {
      throw new Error(`figures: repeats differ in counts: ${JSON.stringify(first)} vs ${JSON.stringify(s)}`);
    }
  }
  const wallSeconds = median(samples.map((s) => s.wallSeconds));
  return {
    wallSeconds,
    cpuSeconds: median(samples.map((s) => s.cpuSeconds)),
    peakRssMb: median(samples.map((s) => s.peakRssKb)) / 1024,
    eventsPerSecond: first.events / wallSeconds,
    submissionsPerSecond: first.submissions / wallSeconds,
    roundsPerSecond: first.rounds / wallSeconds,
    events: first.events,
    rounds: first.rounds,
    submissions: first.submissions,
  };
}

/** Writes `bench-<timestamp>.json` into `dir` (with a suffix if that is taken) and returns its path. */
export function writeReport(dir: string, report: BenchReport): string {
  mkdirSync(dir, { recursive: true });
  const base = join(dir, `bench-${report.startedAt.replace(/[-:]/g, '').replace('T', '-').slice(0, 15)}`);
  let path = `${base}.json`;
  for (let k = 2; existsSync(path); k++) path = `${base}-${k}.json`;
  writeFileSync(path, `${JSON.stringify(report, null, 2)}\n`);
  return path;
}

const COLUMNS = ['workload', 'rounds', 'wall s', 'CPU s', 'events/s', 'submissions/s', 'rounds/s', 'peak RSS MB'];

/** The report as a plain-text table, one row per workload, machine and options below. */
export function reportTable(report: BenchReport): string {
  const measured = report.workloads.flatMap((w) => (w.status === 'ok' ? [[w.name, ...figureCells(w.figures)]] : []));
  const widths = COLUMNS.map((c, i) => Math.max(c.length, ...measured.map((cells) => cells[i]?.length ?? 0)));
  const line = (cells: readonly string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[0] ?? 0) : c.padStart(widths[i] ?? 0))).join('  ');
  const rows = report.workloads.map((w) =>
    w.status === 'ok' ? line([w.name, ...figureCells(w.figures)]) : `${w.name.padEnd(widths[0] ?? 0)}  ${w.status}: ${w.reason}`,
  );
  const m = report.machine;
  const { scale, repeat, report: withReport } = report.options;
  const runs = `${repeat === 1 ? '1 run each' : `median of ${repeat} runs`}${withReport ? ', with the report' : ''}`;
  return [
    ...(rows.length > 0 ? [line(COLUMNS), ...rows] : []),
    ...(report.speedup ? [...(rows.length > 0 ? [''] : []), speedupLine(report.speedup)] : []),
    ...(report.sweep ? ['', speedupLine(report.sweep)] : []),
    '',
    `Node ${m.node}, ${m.cpu}, ${m.cores} cores, ${m.platform}, ${m.memoryGb} GB; scale ${scale}, ${runs}; CPU time and peak RSS by ${report.usageProbe}`,
  ].join('\n');
}

function figureCells(f: Figures): string[] {
  const grouped = (x: number) => Math.round(x).toLocaleString('en-US');
  // Below 100, a rounded rate would lose most of its digits: 1.43 rounds/s, not 1.
  const rate = (x: number) => (x < 100 ? String(Number(x.toPrecision(3))) : grouped(x));
  return [
    grouped(f.rounds),
    f.wallSeconds.toFixed(2),
    f.cpuSeconds.toFixed(2),
    rate(f.eventsPerSecond),
    rate(f.submissionsPerSecond),
    rate(f.roundsPerSecond),
    f.peakRssMb.toFixed(0),
  ];
}

function speedupLine(s: SpeedupResult): string {
  if (s.status === 'failed') return `${s.name}: failed: ${s.reason}`;
  const rounds = s.rounds.toLocaleString('en-US');
  const times = (wall: number, cpu: number) => `${wall.toFixed(2)} s (CPU ${cpu.toFixed(2)} s)`;
  return [
    `${s.name}: ${s.replications} replications of ${s.workload} (${rounds} rounds): 1 worker ${times(s.oneWorkerSeconds, s.oneWorkerCpuSeconds)}, ${s.workers} workers ${times(s.allCoresSeconds, s.allCoresCpuSeconds)}, speed-up ${s.speedup.toFixed(2)}x`,
    `  at most ${s.speedupBound.toFixed(2)}x on ${s.workers} cores, even if the second worker cost nothing: the 1-worker run already keeps ${(s.oneWorkerCpuSeconds / s.oneWorkerSeconds).toFixed(2)} cores busy (V8 compiles and collects garbage on threads of its own)`,
  ].join('\n');
}
