/**
 * `npm run calibration -- holm [--scenario FILE] [--runs N] [--first-seed S]`:
 * checks that the per-validator tests do not cry wolf: over N fair runs (seeds S..S+N-1),
 * how often Holm-adjusted p < alpha anywhere (family-wise; must be at most alpha, and
 * exact tests of small counts are conservative, so below the band is expected).
 * The compounding check is `pos-sim run scenarios/compounding.yaml --replications 1000`
 * (its summary counts each test's rejections at 1% and 5%; see docs/statistics.md).
 * Defaults: scenarios/whales.yaml, 200 runs, seed 1.
 *
 * Prints a table on stdout, progress on stderr. Exit codes: 0 done, 2 bad options.
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import binomialQuantile from '@stdlib/stats-base-dists-binomial-quantile';
import { loadScenario } from '../src/scenario/load.js';
import { holmCalibration } from './holm.js';

/** The central 99% range of Binomial(n, p): where a calibrated count falls 99 times in 100. */
function band99(n: number, p: number): string {
  return `${binomialQuantile(0.005, n, p)}-${binomialQuantile(0.995, n, p)}`;
}

function main(): number {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: {
      scenario: { type: 'string' },
      runs: { type: 'string' },
      'first-seed': { type: 'string' },
    },
  });
  const check = positionals[0];
  if (check !== 'holm') {
    process.stderr.write('usage: npm run calibration -- holm [--scenario FILE] [--runs N] [--first-seed S]\n');
    return 2;
  }
  const file = values.scenario ?? 'scenarios/whales.yaml';
  const runs = Number(values.runs ?? 200);
  const firstSeed = Number(values['first-seed'] ?? 1);
  const scenario = loadScenario(basename(file), readFileSync(file, 'utf8'));
  const started = Date.now();
  const c = holmCalibration(scenario, runs, firstSeed, (done) => process.stderr.write(`\rcalibration: ${done}/${runs} runs`));
  process.stderr.write('\n');
  process.stdout.write(`${c.scenario}: ${c.runs} fair runs (seeds ${firstSeed}-${firstSeed + runs - 1}), ${c.validatorsTested} validator tests in all, ${((Date.now() - started) / 1000).toFixed(0)} s\n`);
  // Holm promises at most alpha; the band is where the count would fall if it were exactly alpha.
  process.stdout.write('alpha  runs with any p_holm < alpha (family-wise)  99% band if exactly alpha  validators rejected\n');
  for (const a of c.byAlpha) {
    process.stdout.write(
      `${String(a.alpha).padEnd(6)} ${`${a.runsRejecting} of ${c.runs} (${((100 * a.runsRejecting) / c.runs).toFixed(1)}%)`.padEnd(44)} ` +
        `${band99(c.runs, a.alpha).padEnd(26)} ${a.validatorsRejected}\n`,
    );
  }
  return 0;
}

process.exitCode = main();
