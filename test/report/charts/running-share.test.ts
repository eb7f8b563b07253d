import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runningShareChart } from '../../../src/report/charts/running-share-chart.js';
import { MAX_GROUP_SERIES, MAX_VALIDATOR_SERIES, runningShareSeries } from '../../../src/report/charts/running-share-series.js';
import { RUNNING_SHARE_SAMPLES, runningShares } from '../../../src/report/charts/running-shares.js';
import { logSpacedRounds, thinnedIndices } from '../../../src/report/charts/sample-rounds.js';
import { parseSummary } from '../../../src/report/charts/summary-input.js';
import { readValidators } from '../../../src/report/charts/validator-input.js';
import { fixtureSource, inlineRows, memorySource, rowsOf, vegaLiteWarnings } from '../results-fixtures.js';
import { whalesLikeFolder } from '../whales-like.js';

test('log-spaced rounds start at 1, end at the last round, ascend, and stay within the count', () => {
  assert.deepEqual(logSpacedRounds(5, 240), [1, 2, 3, 4, 5]);
  assert.deepEqual(logSpacedRounds(0, 10), []);
  const rounds = logSpacedRounds(1_000_000, 240);
  assert.equal(rounds[0], 1);
  assert.equal(rounds.at(-1), 1_000_000);
  assert.ok(rounds.length <= 241);
  assert.ok(rounds.every((r, i) => i === 0 || r > rounds[i - 1]!));
});

test('thinned indices keep every k-th item and always the last', () => {
  assert.deepEqual(thinnedIndices(4, 10), [0, 1, 2, 3]);
  assert.deepEqual(thinnedIndices(10, 4), [0, 4, 8, 9]);
  assert.ok(thinnedIndices(100_000, 500).length <= 500);
});

test('running shares count each series’ wins and bound them by the binomial band', async () => {
  const rounds = rowsOf('round,winner\n1,a\n2,b\n3,a\n4,a\n');
  const series = [
    { label: 'a', group: 'g', members: new Set(['a']), expectedShare: 0.5, meanVariance: 0.25 },
    { label: 'group g', group: 'g', members: new Set(['a', 'b']), expectedShare: 0.9, meanVariance: 0.09 },
  ];
  const points = await runningShares(rounds, series, 4);
  const a = points.filter((p) => p.series === 'a');
  // Six significant digits are kept for the picture.
  assert.deepEqual(a.map((p) => [p.round, p.share]), [[1, 1], [2, 0.5], [3, 0.666667], [4, 0.75]]);
  // After 4 rounds: 0.5 ± 1.96 sqrt(0.25 / 4) = 0.5 ± 0.49.
  assert.deepEqual([a[3]!.bandLow, a[3]!.bandHigh], [0.01, 0.99]);
  // The band is clamped to [0, 1]: 0.9 + 1.96 * 0.3 > 1 after one round.
  assert.equal(points.find((p) => p.series === 'group g' && p.round === 1)!.bandHigh, 1);
});

test('series: groups by stake, then the largest validators; single-validator and all-stake groups are left out', async () => {
  const summary = parseSummary((await fixtureSource('seed-rewards').text('summary.json'))!);
  const validators = await readValidators(fixtureSource('seed-rewards').rows('validators.csv')!);
  const labels = runningShareSeries(summary, validators).map((s) => s.label);
  // "late" holds no stake: nothing to converge to.
  assert.deepEqual(labels, ['whale (group of 2)', 'small (group of 4)', 'whale-1', 'whale-0', 'small-2', 'small-1']);
  const churn = parseSummary((await fixtureSource('churn-v0').text('summary.json'))!);
  const churnValidators = await readValidators(fixtureSource('churn-v0').rows('validators.csv')!);
  // Group "early" holds all the stake: it wins every round, no panel.
  assert.deepEqual(runningShareSeries(churn, churnValidators).map((s) => s.label), ['early-0', 'early-1', 'early-2']);
});

test('a long 5,000-validator run keeps a bounded number of points per series, and a valid spec', async () => {
  const files = whalesLikeFolder(20_000);
  const source = memorySource(files);
  const summary = parseSummary(files['summary.json']!);
  const validators = await readValidators(source.rows('validators.csv')!);
  const series = runningShareSeries(summary, validators);
  assert.ok(series.length <= MAX_GROUP_SERIES + MAX_VALIDATOR_SERIES);
  const points = await runningShares(source.rows('rounds.csv')!, series, summary.rounds);
  for (const s of series) assert.ok(points.filter((p) => p.series === s.label).length <= RUNNING_SHARE_SAMPLES + 1);
  const whales = points.filter((p) => p.series === 'whale (group of 5)');
  assert.equal(whales.at(-1)!.share, 0.9);
  const chart = runningShareChart(points, series.map((s) => s.label), ['whale', 'small'], summary.rounds);
  assert.ok(inlineRows(chart.spec) <= series.length * (RUNNING_SHARE_SAMPLES + 1));
  assert.deepEqual(vegaLiteWarnings(chart.spec), []);
  assert.match(JSON.stringify(chart.spec), /"type":"log"/);
});

test('a run of a few rounds gets a linear round axis (a log one would show no tick)', async () => {
  const summary = parseSummary((await fixtureSource('churn-v0').text('summary.json'))!);
  const validators = await readValidators(fixtureSource('churn-v0').rows('validators.csv')!);
  const series = runningShareSeries(summary, validators);
  const points = await runningShares(fixtureSource('churn-v0').rows('rounds.csv')!, series, summary.rounds);
  const chart = runningShareChart(points, series.map((s) => s.label), ['early', 'late'], summary.rounds);
  assert.doesNotMatch(JSON.stringify(chart.spec), /"type":"log"/);
  assert.deepEqual(vegaLiteWarnings(chart.spec), []);
});
