import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runningShareSeries } from '../../../src/report/charts/running-share-series.js';
import type { ReportSummary } from '../../../src/report/charts/summary-input.js';
import type { ChartValidators } from '../../../src/report/charts/validator-input.js';
import { winRatePoints } from '../../../src/report/charts/win-rate-points.js';
import { deriveStream, type RandomStream } from '../../../src/rng/stream.js';
import { plainRunningShareSeries, plainWinRatePoints, statsObjects } from './plain-chart-inputs.js';

const pick = <T>(rng: RandomStream, items: readonly T[]): T => items[rng.nextIntBelow(items.length)] as T;

/** Random validators as validators.csv may hold them: ties, zeros, huge stakes, groups neighbouring or mixed, missing intervals. */
function randomValidators(rng: RandomStream): ChartValidators {
  const n = pick(rng, [0, 1, 5, 50, 199, 201, 230, 600, 3000]);
  const groupNames = pick(rng, [['a'], ['a', 'b'], ['whale', 'small', 'late'], ['g0', 'g1', 'g2', 'g3', 'g4', 'g5']]);
  const mixed = rng.nextIntBelow(2) === 0;
  const stakes = [0, 1, 2.5, 32, 100, 1e6, 2 ** 60];
  const ids: string[] = [];
  const groups: string[] = [];
  const c = { stake: [] as number[], roundsInPool: [] as number[], wins: [] as number[], expectedWins: [] as number[], winVariance: [] as number[], expectedShare: [] as number[], wilsonLow: [] as number[], wilsonHigh: [] as number[] };
  for (let i = 0; i < n; i++) {
    ids.push(`v-${i}`);
    groups.push(mixed ? pick(rng, groupNames) : (groupNames[Math.floor((i * groupNames.length) / n)] as string));
    c.stake.push(rng.nextIntBelow(3) === 0 ? pick(rng, stakes) : Math.floor(rng.nextDouble() * 200));
    const rounds = pick(rng, [0, 1, 10, 1000, 1000, 1000]);
    const p = pick(rng, [0, 0.001, 0.01, rng.nextDouble() * 0.2, rng.nextDouble()]);
    c.roundsInPool.push(rounds);
    c.wins.push(Math.min(rounds, Math.round(rounds * p * (0.5 + rng.nextDouble()))));
    c.expectedWins.push(rounds * p);
    c.winVariance.push(rounds * p * (1 - p));
    c.expectedShare.push(pick(rng, [0, p, p, 0.99995, 1]));
    const interval = rng.nextIntBelow(4) !== 0 && rounds > 0;
    c.wilsonLow.push(interval ? p / 2 : NaN);
    c.wilsonHigh.push(interval ? Math.min(1, p * 2) : NaN);
  }
  return { count: n, ...c, idOf: (i) => ids[i] as string, groupOf: (i) => groups[i] as string };
}

/** A summary's groups, some as a run writes them, some not (one validator claimed, a group without rows, a name twice). */
function randomSummary(rng: RandomStream, validators: ChartValidators): ReportSummary {
  const names = [...new Set(Array.from({ length: validators.count }, (_, i) => validators.groupOf(i)))];
  if (rng.nextIntBelow(4) === 0) names.push('absent');
  if (rng.nextIntBelow(6) === 0 && names.length > 0) names.push(names[0] as string);
  const groups = names.map((group) => ({
    group,
    validators: rng.nextIntBelow(3) === 0 ? 1 : 1 + rng.nextIntBelow(500),
    stake: pick(rng, [0, 10, 10, rng.nextDouble() * 1000]),
    expectedShare: pick(rng, [0, 1, rng.nextDouble()]),
    winVariance: rng.nextDouble() * 100,
  }));
  return { rounds: pick(rng, [0, 1, 1000]), groups } as unknown as ReportSummary;
}

test('the win-rate points and running-share series of columns are those of the plain object-per-validator code, on random validators', () => {
  const rng = deriveStream(11, 'test', 'chart-validator-columns');
  let pooled = 0;
  for (let c = 0; c < 300; c++) {
    const validators = randomValidators(rng);
    const objects = statsObjects(validators);
    const points = winRatePoints(validators);
    assert.deepStrictEqual(points, plainWinRatePoints(objects), `case ${c}: win-rate points`);
    if (points.pooledValidators > 0) pooled++;
    const summary = randomSummary(rng, validators);
    assert.deepStrictEqual(runningShareSeries(summary, validators), plainRunningShareSeries(summary, objects), `case ${c}: running-share series`);
  }
  assert.ok(pooled >= 50, `${pooled} cases pooled`);
});
