// Runs examples/slurm for real: starts a throwaway one-node Slurm cluster
// (test/support/slurm-cluster.sh), submits a small sweep with examples/slurm/submit.sh
// --wait (the array job, then the merge job depending on it), and compares the merged
// folder, file by file and byte for byte, with the same sweep run here unsharded.
// Where Slurm cannot run (not installed, not root, the cluster does not start) it
// skips and says why; .ci/run installs it and sets POS_SIM_REQUIRE_SLURM=1, which
// makes that a failure.
import { test, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { repoPath, runCli, scratchDir } from '../cli/run-cli.js';

const CLUSTER = repoPath('test/support/slurm-cluster.sh');
const SUBMIT = repoPath('examples/slurm/submit.sh');
const SWEEP = repoPath('test/fixtures/scenarios/sweep-small.yaml');
const SHARDS = 3;

/** Every file under `dir`, relative to it, sorted. */
const listing = (dir: string): string[] =>
  readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => statSync(join(dir, f)).isFile())
    .sort();

/** The `slurm-*.out` files the jobs wrote into `dir`, for a failure message. */
function jobOutputs(dir: string): string {
  return readdirSync(dir)
    .filter((f) => /^slurm-.*\.out$/.test(f))
    .sort()
    .map((f) => `--- ${f}\n${readFileSync(join(dir, f), 'utf8')}`)
    .join('\n');
}

/**
 * The jobs the cluster has finished, from its job completion log (jobcomp/filetxt: one
 * line of Name=value fields per job, kept after slurmctld forgets the job). Times
 * sort as text: 2026-12-04T02:40:01.
 */
function jobRecords(path: string): Record<string, string>[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => Object.fromEntries(line.trim().split(' ').map((field) => [field.slice(0, field.indexOf('=')), field.slice(field.indexOf('=') + 1)])));
}

/** The pids the cluster script recorded for its daemons. */
function daemonPids(clusterDir: string): string[] {
  const run = join(clusterDir, 'run');
  if (!existsSync(run)) return [];
  return readdirSync(run)
    .filter((f) => f.endsWith('.pid'))
    .map((f) => readFileSync(join(run, f), 'utf8').trim());
}

/** Whether a process runs (a zombie has ended: a container's init may be slow to reap it). */
function isAlive(pid: string): boolean {
  try {
    return !/^\d+ \(.*\) [ZX]/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return false;
  }
}

const seconds = (since: number): string => ((Date.now() - since) / 1000).toFixed(1);

function withoutShardVariables(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const kept = { ...env };
  for (const name of ['SLURM_ARRAY_TASK_ID', 'SLURM_ARRAY_TASK_COUNT', 'SLURM_ARRAY_TASK_MIN', 'JOB_COMPLETION_INDEX', 'POS_SIM_SHARD_COUNT']) delete kept[name];
  return kept;
}

function run(command: string, args: readonly string[], options: { cwd?: string; env?: NodeJS.ProcessEnv; timeout?: number } = {}): SpawnSyncReturns<string> {
  return spawnSync(command, args, { encoding: 'utf8', timeout: 60_000, ...options });
}

/** What this test lacks, Slurm aside, or undefined when it has everything (checked before starting anything). */
function reasonToSkip(): string | undefined {
  // yargs answers --help for an unknown command too, with the general help: only the
  // sweep command's own help has --shard.
  const help = runCli(['sweep', '--help']);
  if (help.status !== 0 || !help.stdout.includes('--shard')) return 'pos-sim has no `sweep` command here (issue 14), so there is nothing to run on Slurm';
  if (!existsSync(SWEEP)) return `${SWEEP} is missing`;
  return undefined;
}

/**
 * Skips, saying why; or fails where Slurm is required (.ci/run sets
 * POS_SIM_REQUIRE_SLURM=1: it installed Slurm, so a skip would hide a broken path).
 */
function skipOrFail(t: TestContext, reason: string): void {
  if (process.env['POS_SIM_REQUIRE_SLURM'] === '1') assert.fail(`POS_SIM_REQUIRE_SLURM=1, but ${reason}`);
  t.diagnostic(reason);
  t.skip(reason);
}

test('examples/slurm: an array job and its dependent merge write what an unsharded sweep writes', { timeout: 150_000 }, (t) => {
  const skip = reasonToSkip(); // not Slurm's: skips even where Slurm is required
  if (skip) {
    t.diagnostic(skip);
    t.skip(skip);
    return;
  }
  const scratch = scratchDir();
  const clusterDir = join(scratch, 'cluster');
  const started = run('bash', [CLUSTER, 'start', clusterDir]);
  if (started.status !== 0) {
    // 2: not root or not installed; 1: it tried, stopped what it had started, and says why (with the daemons' logs).
    skipOrFail(t, `Slurm cannot run here: ${started.stderr.trim()}`);
    rmSync(scratch, { recursive: true, force: true });
    return;
  }
  let stopped = false;
  /** Stops the cluster; returns the daemons still alive after it (none, unless stop is broken). */
  const stop = (): string[] => {
    if (stopped) return [];
    stopped = true;
    const pids = daemonPids(clusterDir);
    run('bash', [CLUSTER, 'stop', clusterDir]);
    return pids.filter(isAlive);
  };
  // Also when the runner ends this process early: the daemons must not outlive the test.
  process.once('exit', stop);
  let passed = false;
  try {
    const env = { ...process.env, SLURM_CONF: join(clusterDir, 'slurm.conf') };
    const work = join(scratch, 'work');
    mkdirSync(work);
    const merged = join(work, 'merged');

    const submitStarted = Date.now();
    const submitted = run('bash', [SUBMIT, SWEEP, '--wait'], {
      cwd: work,
      env: { ...env, SWEEP_SHARDS: String(SHARDS), SWEEP_OUT: merged },
      timeout: 120_000,
    });
    assert.equal(submitted.status, 0, `submit.sh --wait: ${submitted.stdout}${submitted.stderr}\n${jobOutputs(work)}`);
    const arrayJob = /array job (\d+)/.exec(submitted.stdout)?.[1];
    const mergeJob = /merge: job (\d+)/.exec(submitted.stdout)?.[1];
    assert.ok(arrayJob && mergeJob, `submit.sh printed both job ids: ${submitted.stdout}`);
    t.diagnostic(`array job ${arrayJob}, merge job ${mergeJob}: ${seconds(submitStarted)} s from submission to merged`);

    // Each shard ran as its own array task, and the merge only after all of them.
    const finished = jobRecords(join(clusterDir, 'log/jobcomp.log'));
    const tasks = finished.filter((job) => job['ArrayJobId'] === arrayJob);
    const mergeRecord = finished.find((job) => job['JobId'] === mergeJob);
    assert.equal(tasks.length, SHARDS, `${SHARDS} array tasks: ${JSON.stringify(finished)}`);
    for (const job of [...tasks, mergeRecord]) assert.equal(job?.['JobState'], 'COMPLETED', JSON.stringify(job));
    const lastEnd = tasks.map((job) => job['EndTime'] ?? '').sort().at(-1) ?? '';
    assert.ok((mergeRecord?.['StartTime'] ?? '') >= lastEnd, `the merge started after the last shard ended: ${JSON.stringify(finished)}`);
    assert.deepEqual(
      readdirSync(`${merged}.shards`).sort(),
      Array.from({ length: SHARDS }, (_, i) => `shard-${i}`),
      'one shard folder per array task',
    );

    const local = join(work, 'local');
    const localStarted = Date.now();
    // Without the job array's variables, should this test itself run in a Slurm array task.
    const unsharded = run(process.execPath, [repoPath('bin/pos-sim.js'), 'sweep', SWEEP, '--out', local, '--quiet'], { env: withoutShardVariables(process.env) });
    assert.equal(unsharded.status, 0, `local sweep: ${unsharded.stderr}`);
    t.diagnostic(`local sweep: ${seconds(localStarted)} s`);
    const files = listing(local);
    assert.ok(files.length > 0, 'the local sweep wrote files');
    assert.deepEqual(listing(merged), files, 'the same files');
    for (const f of files) {
      assert.ok(readFileSync(join(merged, f)).equals(readFileSync(join(local, f))), `${f} is the same, byte for byte`);
    }
    passed = true;
  } finally {
    const survivors = stop();
    process.removeListener('exit', stop);
    if (passed) assert.deepEqual(survivors, [], 'every daemon the cluster started has stopped');
    // Kept when something failed, to look at; the cluster's own folder is gone with it stopped.
    if (passed) rmSync(scratch, { recursive: true });
  }
});
