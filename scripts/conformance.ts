/**
 * npm run conformance: the tutorial's real pos.py (cut from the tutorial text at run
 * time by conformance/seed_server.py, driven by conformance/run_real.py) against
 * pos-sim's reference server under `timing: costed`, scenario by scenario and speed-up
 * by speed-up. For every metric: the real run(s), and pos-sim's mean and central 95%
 * range over the seeds; at the end, how many rows (and real runs) outside their ranges
 * a real server behaving exactly as pos-sim's runs would give
 * (src/conformance/calibration.ts). Not
 * part of `npm test` (the real runs take minutes; CI runs a short version,
 * test/conformance/).
 *
 *   npm run conformance -- [--seeds 200] [--only whales-10,...] [--speedups 20,10,2]
 *                          [--repeats 3] [--real-dir DIR] [--ideal-seeds 20]
 *
 * Real runs are saved as DIR/<scenario>-<speedup>-<repeat>.json (default
 * results/conformance/) and reused when present (all of them, `--repeats` or more):
 * delete them to measure again.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readScenarioFile } from '../src/cli/scenario-file.js';
import { chanceInside, isInside, outsideByChance, shareAllInside } from '../src/conformance/calibration.js';
import { harnessPlan, METRIC_NAMES, realRunMetrics, summarize, type RealRun, type RunMetrics } from '../src/conformance/metrics.js';
import { simulatedRunMetrics } from '../src/conformance/simulated-metrics.js';
import type { ResolvedScenario } from '../src/scenario/types.js';

const REPO = new URL('../', import.meta.url).pathname;
const TUTORIAL = join(REPO, '../shared/seed/pos-tutorial.txt');
/** Speed-ups per scenario: the long scenarios' slowest real runs would take most of an hour. */
const SCENARIOS: Record<string, number[]> = {
  'tutorial-demo': [20, 10, 2],
  'whales-10': [20, 10, 2],
  'churn-bad-balance': [20, 10],
  'announcement-loss': [20, 10],
};

function option(name: string, fallback: string): string {
  const at = process.argv.indexOf(`--${name}`);
  return at < 0 ? fallback : (process.argv[at + 1] ?? fallback);
}

const seeds = Number(option('seeds', '200'));
const idealSeeds = Number(option('ideal-seeds', '20'));
const repeats = Number(option('repeats', '3'));
const realDir = option('real-dir', join(REPO, 'results/conformance'));
const only = option('only', Object.keys(SCENARIOS).join(',')).split(',');
const speedupsOption = option('speedups', '');

function realRuns(name: string, scenario: ResolvedScenario, speedup: number): RunMetrics[] {
  mkdirSync(realDir, { recursive: true });
  const planPath = join(realDir, `${name}.plan.json`);
  writeFileSync(planPath, JSON.stringify(harnessPlan(scenario)));
  const runs: RunMetrics[] = [];
  // At least `repeats` runs; runs saved earlier beyond that are used too.
  for (let r = 1; r <= repeats || existsSync(join(realDir, `${name}-${speedup}-${r}.json`)); r++) {
    const path = join(realDir, `${name}-${speedup}-${r}.json`);
    if (!existsSync(path)) {
      process.stderr.write(`real pos.py: ${name} at ${speedup}x, run ${r} (${(scenario.durationUs as number) / 1e6 / speedup} s)\n`);
      const run = spawnSync('python3', [join(REPO, 'conformance/run_real.py'), '--tutorial', TUTORIAL, '--plan', planPath, '--speedup', String(speedup)], {
        encoding: 'utf8',
        maxBuffer: 1 << 30,
      });
      if (run.status !== 0) throw new Error(`run_real.py failed (${run.status}): ${run.stderr}`);
      writeFileSync(path, run.stdout);
    }
    runs.push(realRunMetrics(JSON.parse(readFileSync(path, 'utf8')) as RealRun));
  }
  return runs;
}

function simulated(scenario: ResolvedScenario, speedup: number | null, count: number): RunMetrics[] {
  const runs: RunMetrics[] = [];
  for (let seed = 1; seed <= count; seed++) {
    const { costed, ...ideal } = scenario;
    const run: ResolvedScenario = speedup === null || costed === undefined ? ideal : { ...scenario, seed, costed: { ...costed, speedup } };
    runs.push(simulatedRunMetrics({ ...run, seed }));
  }
  return runs;
}

const fmt = (x: number): string => (Number.isNaN(x) ? '-' : Number.isInteger(x) ? String(x) : x.toFixed(3));

function main(): void {
  if (!existsSync(TUTORIAL)) throw new Error(`the tutorial is not at ${TUTORIAL}`);
  const lines = [
    `pos-sim costed: ${seeds} seeds per row (mean [2.5%, 97.5%]); ideal clock: ${idealSeeds} seeds; real pos.py: at least ${repeats} run(s) per row`,
    '',
    '| scenario | speed-up | metric | real pos.py | pos-sim costed | inside | pos-sim ideal (mean) |',
    '|---|---|---|---|---|---|---|',
  ];
  let inside = 0;
  let rows = 0;
  const chancesInside: number[] = [];
  const runChancesInside: number[] = [];
  let runsOutside = 0;
  for (const name of only) {
    const scenario = readScenarioFile(join(REPO, 'conformance/scenarios', `${name}.yaml`));
    const ideal = simulated(scenario, null, idealSeeds);
    const speedups = speedupsOption === '' ? (SCENARIOS[name] ?? [20]) : speedupsOption.split(',').map(Number);
    for (const speedup of speedups) {
      const real = realRuns(name, scenario, speedup);
      const started = performance.now();
      const sim = simulated(scenario, speedup, seeds);
      process.stderr.write(`pos-sim: ${name} at ${speedup}x, ${seeds} seeds in ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
      const ranges = Object.fromEntries(METRIC_NAMES.map((metric) => [metric, summarize(sim.map((m) => m[metric]))])) as Record<
        (typeof METRIC_NAMES)[number],
        ReturnType<typeof summarize>
      >;
      const allInside = shareAllInside(sim, ranges);
      for (const run of real) {
        runChancesInside.push(allInside);
        if (!METRIC_NAMES.every((metric) => isInside(run[metric], ranges[metric]))) runsOutside++;
      }
      for (const metric of METRIC_NAMES) {
        const s = ranges[metric];
        const values = real.map((m) => m[metric]);
        const ok = values.every((v) => isInside(v, s));
        rows++;
        if (ok) inside++;
        chancesInside.push(chanceInside(sim.map((m) => m[metric]), s, values.length));
        lines.push(
          `| ${name} | ${speedup}x | ${metric} | ${values.map(fmt).join(', ')} | ${fmt(s.mean)} [${fmt(s.low)}, ${fmt(s.high)}] | ${ok ? 'yes' : 'NO'} | ${fmt(summarize(ideal.map((m) => m[metric])).mean)} |`,
        );
      }
    }
  }
  lines.push('', `${inside} of ${rows} rows: every real value inside pos-sim's 95% range`);
  // Even a model exactly right leaves rows outside a 95% range: what such a model would give.
  const chance = outsideByChance(chancesInside, rows - inside);
  lines.push(
    `A real server whose runs were drawn as pos-sim's are would leave ${chance.expected.toFixed(1)} rows outside on average; ` +
      `${chance.observed} or more with chance ${chance.pAtLeast.toFixed(3)} (rows taken as independent; those of one run are not).`,
  );
  const byRun = outsideByChance(runChancesInside, runsOutside);
  lines.push(
    `Counted by real run: ${runsOutside} of ${runChancesInside.length} runs had a value outside; such a server would give ` +
      `${byRun.expected.toFixed(1)} on average, ${byRun.observed} or more with chance ${byRun.pAtLeast.toFixed(3)}.`,
  );
  process.stdout.write(`${lines.join('\n')}\n`);
}

main();
