import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildCharts } from '../../../src/report/charts/build-charts.js';
import { CHART_IDS } from '../../../src/report/charts/chart.js';
import { parseSummary } from '../../../src/report/charts/summary-input.js';
import { fixtureSource, inlineRows, memorySource, vegaLiteWarnings, type FixtureName } from '../results-fixtures.js';
import { whalesLikeFolder } from '../whales-like.js';

async function build(name: FixtureName) {
  const source = fixtureSource(name);
  return buildCharts(source, parseSummary((await source.text('summary.json'))!));
}

test('a seed-rules run with rewards gets every chart but the replications one', async () => {
  const { charts, skipped } = await build('seed-rewards');
  assert.deepEqual(charts.map((c) => c.id), ['win-rate', 'running-share', 'share-history', 'concentration', 'seed-quirks']);
  assert.deepEqual(skipped, ['replications: no replications.csv (run with --replications N)']);
  for (const chart of charts) assert.deepEqual(vegaLiteWarnings(chart.spec), [], chart.id);
});

test('a replicated run gets the replications chart; rules: fixed has no quirks chart', async () => {
  const { charts, skipped } = await build('replications');
  assert.deepEqual(charts.map((c) => c.id), ['win-rate', 'running-share', 'replications']);
  assert.ok(skipped.includes('seed-quirks: rules are fixed, not seed'));
});

test('an older results folder (no new files, no fairness or rewards) still gets its charts', async () => {
  const { charts, skipped } = await build('churn-v0');
  assert.deepEqual(charts.map((c) => c.id), ['win-rate', 'running-share']);
  assert.equal(skipped.length, 4);
});

test('every chart id is known to the report, in report order', async () => {
  const { charts } = await build('seed-rewards');
  const order = charts.map((c) => CHART_IDS.indexOf(c.id as (typeof CHART_IDS)[number]));
  assert.ok(order.every((i, k) => i >= 0 && (k === 0 || i > order[k - 1]!)));
});

test('a 5,000-validator run of 20,000 rounds inlines a bounded amount of data in every chart', async () => {
  const files = whalesLikeFolder(20_000);
  const { charts } = await buildCharts(memorySource(files), parseSummary(files['summary.json']!));
  assert.deepEqual(charts.map((c) => c.id), ['win-rate', 'running-share']);
  for (const chart of charts) assert.ok(inlineRows(chart.spec) <= 2000, `${chart.id}: ${inlineRows(chart.spec)} rows`);
});
