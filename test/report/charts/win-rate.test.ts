import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readValidators, type ChartValidators } from '../../../src/report/charts/validator-input.js';
import { winRateChart } from '../../../src/report/charts/win-rate-chart.js';
import { BINS_PER_DECADE, TOP_INDIVIDUAL_POINTS, winRatePoints } from '../../../src/report/charts/win-rate-points.js';
import { fixtureSource, inlineRows, memorySource, vegaLiteWarnings } from '../results-fixtures.js';
import { whalesLikeFolder } from '../whales-like.js';

interface Validator { id: string; group: string; stake: number; wins: number; trials: number; p: number }
const validator = (id: string, group: string, stake: number, wins: number, trials: number, p: number): Validator => ({ id, group, stake, wins, trials, p });
/** Validators as the charts take them, with no Wilson interval given (so it is computed). */
const columns = (list: Validator[]): ChartValidators => ({
  count: list.length,
  stake: list.map((v) => v.stake),
  roundsInPool: list.map((v) => v.trials),
  wins: list.map((v) => v.wins),
  expectedWins: list.map((v) => v.p * v.trials),
  winVariance: list.map((v) => v.p * (1 - v.p) * v.trials),
  expectedShare: list.map((v) => v.p),
  wilsonLow: list.map(() => NaN),
  wilsonHigh: list.map(() => NaN),
  idOf: (i) => list[i]!.id,
  groupOf: (i) => list[i]!.group,
});

test('a small run gives every validator its own point, with the Wilson interval of validators.csv', async () => {
  const validators = await readValidators(fixtureSource('seed-rewards').rows('validators.csv')!);
  const { points, withoutRate, pooledValidators } = winRatePoints(validators);
  // "late" was never in a pool: no rate to draw.
  assert.equal(withoutRate, 1);
  assert.equal(pooledValidators, 0);
  assert.deepEqual(points.map((p) => p.label), ['whale-0', 'whale-1', 'small-0', 'small-1', 'small-2', 'small-3']);
  const whale = points[0]!;
  // validators.csv: whale-0 won 40 of 100, Wilson 0.3094012864324589 .. 0.4979974132089382.
  assert.equal(whale.winRate, 0.4);
  assert.equal(whale.wilsonLow, 0.3094012864324589);
  assert.equal(whale.wilsonHigh, 0.4979974132089382);
});

test('older validators.csv without wilson_* columns get the interval computed the same way', async () => {
  const validators = await readValidators(fixtureSource('churn-v0').rows('validators.csv')!);
  const early0 = winRatePoints(validators).points[0]!;
  // 2 wins in 5 rounds: Wilson 95% = 0.1176… .. 0.7692… (as wilsonInterval(2, 5)).
  assert.ok(Math.abs(early0.wilsonLow - 0.11762077423264788) < 1e-12);
  assert.ok(Math.abs(early0.wilsonHigh - 0.7692757187239872) < 1e-12);
});

test('5,000 validators: the largest keep a point, the rest are pooled per group and expected rate', async () => {
  const source = memorySource(whalesLikeFolder(2000));
  const validators = await readValidators(source.rows('validators.csv')!);
  const input = winRatePoints(validators);
  const pooled = input.points.filter((p) => p.pooled);
  assert.equal(input.points.length - pooled.length, TOP_INDIVIDUAL_POINTS);
  assert.equal(input.pooledValidators, 5000 - TOP_INDIVIDUAL_POINTS);
  // Small stakes span 50..150, half a decade: a handful of bins, never thousands of points.
  assert.ok(pooled.length <= BINS_PER_DECADE + 1, `${pooled.length} pooled points`);
  // Pooling keeps every validator and every win: only the picture is aggregated.
  assert.equal(pooled.reduce((s, p) => s + p.validators, 0), 5000 - TOP_INDIVIDUAL_POINTS);
  // Everyone was in all 2,000 pools, so the points' wins add up to the 2,000 rounds.
  const wins = input.points.reduce((s, p) => s + p.winRate * p.validators * 2000, 0);
  assert.ok(Math.abs(wins - 2000) < 1e-6, `${wins} wins`);
  const chart = winRateChart(input, ['whale', 'small']);
  assert.ok(inlineRows(chart.spec) <= 60, `${inlineRows(chart.spec)} rows inlined`);
  assert.deepEqual(vegaLiteWarnings(chart.spec), []);
});

test('zero wins sit at the floor of the log axis, below every other value, and say so in the legend', () => {
  const input = winRatePoints(columns([validator('a', 'g', 10, 0, 100, 0.02), validator('b', 'g', 10, 5, 100, 0.05)]));
  const chart = winRateChart(input, ['g']);
  const json = JSON.stringify(chart.spec);
  assert.match(json, /no wins \(at floor\)/);
  const layer = (chart.spec as { layer: Array<{ data?: { values: Array<Record<string, number | string>> } }> }).layer[1]!;
  const rows = layer.data!.values;
  const zero = rows.find((r) => r.label === 'a')!;
  assert.ok((zero.winRate as number) > 0 && (zero.winRate as number) < 0.02);
  assert.equal(zero.wilsonLow, zero.winRate);
  assert.deepEqual(vegaLiteWarnings(chart.spec), []);
});

test('the spec is valid vega-lite with the y = x line, log scales on both axes and one colour per group', async () => {
  const validators = await readValidators(fixtureSource('seed-rewards').rows('validators.csv')!);
  const chart = winRateChart(winRatePoints(validators), ['whale', 'small', 'late']);
  assert.deepEqual(vegaLiteWarnings(chart.spec), []);
  const json = JSON.stringify(chart.spec);
  assert.equal((json.match(/"type":"log"/g) ?? []).length >= 2, true);
  // The legend lists only groups with a point: "late" has none.
  assert.match(json, /"domain":\["whale","small"\],"range":\["#4c78a8","#f58518"\]/);
});
