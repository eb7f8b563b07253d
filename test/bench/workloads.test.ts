import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { measureRun, parseUsage, pickUsageProbe, runArgs } from '../../bench/measure.js';
import { reportTable, speedupBound } from '../../bench/report.js';
import { REPO_ROOT, SWEEP, WORKLOADS, workloadFile } from '../../bench/workloads.js';
import { runCommand } from '../../src/cli/run-command.js';
import { loadScenario, loadSweep } from '../../src/scenario/load.js';
import { scratchDir } from '../cli/run-cli.js';

/** What each workload is meant to be: validators and full-size rounds. */
const SIZES = {
  'whales-10k': { validators: 10_000, rounds: 10_000 },
  'whales-100k': { validators: 100_000, rounds: 1_000 },
  long: { validators: 100, rounds: 1_000_000 },
  compounding: { validators: 10_000, rounds: 100_000 },
  million: { validators: 1_000_000, rounds: 1_000 },
} as const;

const TINY_ROUNDS = 3;
const COMPARED = ['rounds.csv', 'validators.csv', 'summary.json'];

test('bench/workloads/ holds exactly the listed workloads and the sweep', () => {
  const files = readdirSync(join(REPO_ROOT, 'bench/workloads')).sort();
  assert.deepEqual(files, [...WORKLOADS.map((w) => `${w}.yaml`), SWEEP.file.replace('bench/workloads/', '')].sort());
});

test('the sweep workload is 4 cells x 100 replications, run by pos-sim sweep', () => {
  const { plan } = loadSweep(SWEEP.file, readFileSync(join(REPO_ROOT, SWEEP.file), 'utf8'));
  assert.deepEqual([plan.cells.length, plan.replications], [4, 100]);
  assert.deepEqual(runArgs({ scenarioFile: SWEEP.file, rounds: 1, outDir: '/tmp/x', sweep: { workers: 2 } }), ['sweep', SWEEP.file, '--out', '/tmp/x', '--quiet', '--workers', '2']);
});

for (const name of WORKLOADS) {
  test(`${name}: a valid scenario of the intended size`, () => {
    const file = workloadFile(name);
    const scenario = loadScenario(file, readFileSync(join(REPO_ROOT, file), 'utf8'));
    assert.equal(scenario.name, name);
    assert.equal(scenario.validators.length, SIZES[name].validators);
    assert.equal(scenario.rounds, SIZES[name].rounds);
  });

  test(`${name}: the bench's run writes the same files as a plain pos-sim run`, async (t) => {
    const dir = scratchDir();
    t.after(() => rmSync(dir, { recursive: true, force: true }));
    const benchOut = join(dir, 'bench');
    const plainOut = join(dir, 'plain');
    // measureRun spawns its child at once; the plain run, in this process (what `pos-sim run`
    // does below its argument parsing), then runs beside it.
    const [sample] = await Promise.all([
      measureRun({ scenarioFile: workloadFile(name), rounds: TINY_ROUNDS, outDir: benchOut }, pickUsageProbe()),
      (async () =>
        runCommand({
          scenarioPath: join(REPO_ROOT, workloadFile(name)),
          rounds: TINY_ROUNDS,
          out: plainOut,
          force: false,
          quiet: true,
          chain: false,
          report: false, // as the bench runs it: the compared files do not depend on it
          argv: [],
          resultsRoot: dir,
        }))(),
    ]);
    for (const f of COMPARED) {
      assert.equal(readFileSync(join(benchOut, f), 'utf8'), readFileSync(join(plainOut, f), 'utf8'), `${f} differs`);
    }
    const { counts } = JSON.parse(readFileSync(join(plainOut, 'manifest.json'), 'utf8'));
    assert.deepEqual([sample.rounds, sample.events], [TINY_ROUNDS, counts.events]);
    assert.ok(sample.submissions >= SIZES[name].validators * (TINY_ROUNDS - 1), `submissions ${sample.submissions}`);
    assert.ok(sample.peakRssKb > 0);
    assert.ok(sample.cpuSeconds > 0, `CPU ${sample.cpuSeconds} s`);
  });
}

test('the in-process probe (no GNU time) writes what the bench reads: CPU time and peak RSS', async (t) => {
  const dir = scratchDir();
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const sample = await measureRun({ scenarioFile: workloadFile('long'), rounds: TINY_ROUNDS, outDir: join(dir, 'out') }, 'node-preload');
  // Node alone takes some 40 MB and some 0.05 s of CPU to start; a 3-round run, well
  // under 2 GB and 60 s (so RSS in bytes or CPU in µs would fail).
  assert.ok(sample.peakRssKb > 20_000 && sample.peakRssKb < 2_000_000, `peak RSS ${sample.peakRssKb} kB`);
  assert.ok(sample.cpuSeconds > 0.01 && sample.cpuSeconds < 60, `CPU ${sample.cpuSeconds} s`);
  assert.equal(sample.rounds, TINY_ROUNDS);
});

test('parseUsage reads "user system peak-kB", on the last line, and refuses anything else', () => {
  assert.deepEqual(parseUsage('1.25 0.5 123456\n'), { cpuSeconds: 1.75, peakRssKb: 123456 });
  // GNU time puts "Command exited with non-zero status 1" on a line before its format.
  assert.deepEqual(parseUsage('Command exited with non-zero status 1\n0.00 0.01 2048\n'), { cpuSeconds: 0.01, peakRssKb: 2048 });
  for (const bad of ['', '123456', '1.2 0.3', '1.2 0.3 0', '1.2 -0.3 100', 'x 0.3 100', '1 2 3.5', '1 2 3 4', '0x10 0 16', '1e3 0 16']) {
    assert.throws(() => parseUsage(bad), /expected "user-seconds system-seconds peak-RSS-kB"/, JSON.stringify(bad));
  }
});

test('speedupBound: cores × one-worker wall / the smaller CPU time', () => {
  // A run keeping one core busy (CPU = wall) can gain at most the core count.
  assert.equal(speedupBound({ wall: 3, cpu: 3 }, 3.5, 2), 2);
  // One that already keeps 1.25 cores busy on average: 2 / 1.25, whatever more the parallel run spends.
  assert.equal(speedupBound({ wall: 2, cpu: 2.5 }, 3, 2), 1.6);
  // A parallel run measured at less CPU (noise): its own CPU time bounds its wall time.
  assert.equal(speedupBound({ wall: 2, cpu: 2.5 }, 2, 2), 2);
  assert.throws(() => speedupBound({ wall: 0, cpu: 1 }, 1, 2), RangeError);
  assert.throws(() => speedupBound({ wall: 1, cpu: 0 }, 1, 2), RangeError);
  assert.throws(() => speedupBound({ wall: 1, cpu: 1 }, 0, 2), RangeError);
});

test('a workload runs with --no-report unless the bench is asked for the report', () => {
  const request = { scenarioFile: workloadFile('long'), rounds: 5, outDir: '/tmp/x' };
  assert.ok(runArgs(request).includes('--no-report'));
  assert.ok(!runArgs({ ...request, report: true }).includes('--no-report'));
});

test('the workers speed-up runs the replications through the CLI and reports the ratio of wall times', () => {
  const args = runArgs({ scenarioFile: workloadFile('whales-10k'), rounds: 5, outDir: '/tmp/x', replications: { count: 20, workers: 2 } });
  assert.deepEqual(args.slice(-4), ['--replications', '20', '--workers', '2']);
  const table = reportTable({
    startedAt: '2026-01-01T00:00:00Z',
    machine: { node: 'v20', cpu: 'cpu', cores: 2, platform: 'linux-x64', memoryGb: 1 },
    options: { workloads: [], speedup: true, sweep: false, scale: 1, repeat: 1, replications: 20, report: false },
    usageProbe: 'gnu-time',
    workloads: [],
    speedup: {
      name: 'workers',
      status: 'ok',
      workload: 'whales-10k',
      replications: 20,
      rounds: 10_000,
      workers: 2,
      oneWorkerSeconds: 6,
      allCoresSeconds: 4,
      oneWorkerCpuSeconds: 7.5,
      allCoresCpuSeconds: 7.9,
      speedup: 1.5,
      speedupBound: 1.6,
    },
  });
  assert.match(
    table,
    /^workers: 20 replications of whales-10k \(10,000 rounds\): 1 worker 6\.00 s \(CPU 7\.50 s\), 2 workers 4\.00 s \(CPU 7\.90 s\), speed-up 1\.50x$/m,
  );
  assert.match(table, /^  at most 1\.60x on 2 cores, even if the second worker cost nothing: the 1-worker run already keeps 1\.25 cores busy/m);
});
