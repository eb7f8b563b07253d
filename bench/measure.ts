/**
 * One measured run: the whole `pos-sim run` command as a child process, from spawn to
 * exit (start-up, scenario loading, simulation and writing the files all count).
 *
 * Peak RSS and CPU time are those of the node process that runs bin/pos-sim.js, which
 * is the process that simulates: bin/pos-sim.js registers tsx's loader in-process (its
 * hooks run on a worker thread of the same process) and the CLI starts no other
 * process. CPU time counts every thread of it: replication workers, and V8's own
 * compiler and garbage-collector threads. Two probes:
 * - `gnu-time`: the CLI runs under `/usr/bin/time -f "%U %S %M"`, which reports the
 *   rusage that wait4() returns for its child, the node process;
 * - `node-preload`: where GNU time is missing (or is BSD/busybox time), node runs the
 *   CLI with `--import bench/resource-usage-preload.js`, which writes the process's own
 *   `process.resourceUsage()` when it exits.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO_ROOT } from './workloads.js';

export type UsageProbe = 'gnu-time' | 'node-preload';

export interface RunRequest {
  /** Scenario file, relative to the repository root. */
  readonly scenarioFile: string;
  readonly rounds: number;
  /** Where the run writes its results folder; must not exist yet. */
  readonly outDir: string;
  /** With --replications and --workers (the workers speed-up); default one run, the CLI's default workers. */
  readonly replications?: { readonly count: number; readonly workers: number };
  /** Draw the charts and report.html (the CLI's default); without it the run has --no-report. */
  readonly report?: boolean;
  /** `pos-sim sweep` of the file on this many workers, instead of `pos-sim run`. */
  readonly sweep?: { readonly workers: number };
}

export interface RunSample {
  readonly wallSeconds: number;
  /** User plus system CPU time of the process, every thread. */
  readonly cpuSeconds: number;
  readonly peakRssKb: number;
  /** From the run's manifest.json: engine events processed and lottery rounds. */
  readonly events: number;
  readonly rounds: number;
  /** Sum of validators.csv's blocks_submitted. */
  readonly submissions: number;
}

const GNU_TIME = '/usr/bin/time';
const CLI = join(REPO_ROOT, 'bin/pos-sim.js');
const PRELOAD = join(REPO_ROOT, 'bench/resource-usage-preload.js');
const GNU_TIME_FORMAT = '%U %S %M';

/** GNU time if `/usr/bin/time -f FORMAT -o FILE` works here, else the in-process preload. */
export function pickUsageProbe(): UsageProbe {
  return spawnSync(GNU_TIME, ['-f', GNU_TIME_FORMAT, '-o', '/dev/null', 'true']).status === 0 ? 'gnu-time' : 'node-preload';
}

/** The CLI arguments of a benchmark run: the normal `pos-sim run` path, quiet. */
export function runArgs(request: RunRequest): string[] {
  if (request.sweep) return ['sweep', request.scenarioFile, '--out', request.outDir, '--quiet', '--workers', String(request.sweep.workers)];
  const replications = request.replications
    ? ['--replications', String(request.replications.count), '--workers', String(request.replications.workers)]
    : [];
  const report = request.report ? [] : ['--no-report'];
  return ['run', request.scenarioFile, '--rounds', String(request.rounds), '--out', request.outDir, '--quiet', ...report, ...replications];
}

/** Runs `pos-sim run` once and measures it; rejects if the run fails. */
export async function measureRun(request: RunRequest, probe: UsageProbe): Promise<RunSample> {
  const scratch = mkdtempSync(join(tmpdir(), 'pos-sim-bench-usage-'));
  const usageFile = join(scratch, 'usage');
  try {
    const [command, args, env] =
      probe === 'gnu-time'
        ? [GNU_TIME, ['-f', GNU_TIME_FORMAT, '-o', usageFile, process.execPath, CLI, ...runArgs(request)], process.env]
        : [process.execPath, ['--import', PRELOAD, CLI, ...runArgs(request)], { ...process.env, POS_SIM_BENCH_USAGE_FILE: usageFile }];
    const started = performance.now();
    const { status, stderr } = await runChild(command, args, env);
    const wallSeconds = (performance.now() - started) / 1000;
    if (status !== 0) throw new Error(`pos-sim ${runArgs(request).join(' ')} exited with ${status}: ${stderr.trim()}`);
    // A sweep's folder has no run counts: its measure is the time per replication.
    const counts = request.sweep ? { events: 0, rounds: 0, submissions: 0 } : readCounts(request.outDir);
    return { wallSeconds, ...parseUsage(readFileSync(usageFile, 'utf8')), ...counts };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

function runChild(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<{ status: number | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: REPO_ROOT, env, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stderr }));
  });
}

/**
 * The probe's figures, "user-seconds system-seconds peak-RSS-kB": the last line of its
 * file (GNU time puts a non-zero exit status on a line before it).
 */
export function parseUsage(text: string): Pick<RunSample, 'cpuSeconds' | 'peakRssKb'> {
  const last = text.trim().split('\n').at(-1) ?? '';
  const fields = last.trim().split(/\s+/);
  const [user, system, kb] = fields.map(Number) as [number, number, number];
  if (fields.length !== 3 || !fields.every((f) => /^\d+(\.\d+)?$/.test(f)) || !Number.isInteger(kb) || kb <= 0) {
    throw new Error(`measureRun: expected "user-seconds system-seconds peak-RSS-kB" from the probe, got "${last}"`);
  }
  return { cpuSeconds: user + system, peakRssKb: kb };
}

function readCounts(outDir: string): Pick<RunSample, 'events' | 'rounds' | 'submissions'> {
  const manifest = JSON.parse(readFileSync(join(outDir, 'manifest.json'), 'utf8')) as { counts: { events: number; rounds: number } };
  return { events: manifest.counts.events, rounds: manifest.counts.rounds, submissions: sumColumn(join(outDir, 'validators.csv'), 'blocks_submitted') };
}

/** Sum of a numeric column; the lines are split on commas, so a quoted field is refused, not misread. */
function sumColumn(file: string, column: string): number {
  const [header = '', ...rows] = readFileSync(file, 'utf8').trimEnd().split('\n');
  const names = header.split(',');
  const at = names.indexOf(column);
  if (at < 0) throw new Error(`measureRun: ${file} has no column ${column}`);
  let sum = 0;
  for (const row of rows) {
    const fields = row.split(',');
    if (fields.length !== names.length) throw new Error(`measureRun: ${file}: cannot split "${row}" on commas`);
    sum += Number(fields[at]);
  }
  return sum;
}
