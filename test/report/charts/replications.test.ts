import { test } from 'node:test';
import assert from 'node:assert/strict';
import { betaBinomialPmf } from '../../../src/stats/index.js';
import {
  closedFormApplies,
  closedFormHistogram,
  niceWidth,
  shareAfterWins,
  shareHistogram,
} from '../../../src/report/charts/replication-histogram.js';
import { readReplications, type ReplicationOutcome } from '../../../src/report/charts/replication-input.js';
import { replicationsChart } from '../../../src/report/charts/replications-chart.js';
import { parseSummary } from '../../../src/report/charts/summary-input.js';
import { fixtureSource, vegaLiteWarnings } from '../results-fixtures.js';

async function fixture() {
  const source = fixtureSource('replications');
  const outcomes = await readReplications(source.rows('replications.csv')!);
  const summary = parseSummary((await source.text('summary.json'))!);
  return { outcomes, replications: summary.replications! };
}

test('under constant rewards the final share is (α + wins)/(α + β + n), so the closed form applies', async () => {
  const { outcomes, replications } = await fixture();
  const fit = replications.betaBinomial!;
  // Stake 1000 of 1500, 100 per block, 50 rounds: α = 10, β = 5; 43 wins -> (10 + 43)/65.
  assert.equal(shareAfterWins(43, fit), 53 / 65);
  const whale = outcomes.filter((o) => o.series === 'whale-0');
  assert.equal(closedFormApplies(whale, fit), true);
  const shifted: ReplicationOutcome[] = whale.map((o) => ({ ...o, finalShare: o.finalShare + 0.001 }));
  assert.equal(closedFormApplies(shifted, fit), false);
});

test('the closed-form histogram keeps every replication and the expected counts of the pmf', async () => {
  const { outcomes, replications } = await fixture();
  const fit = replications.betaBinomial!;
  const whale = outcomes.filter((o) => o.series === 'whale-0');
  const bins = closedFormHistogram(whale, fit);
  assert.equal(bins.reduce((s, b) => s + b.count, 0), 300);
  // The bins cover all but a sliver of the distribution: expected counts add up to nearly 300.
  const expected = bins.reduce((s, b) => s + (b.expected ?? 0), 0);
  assert.ok(expected > 299.9 && expected < 300 + 1e-9, `${expected}`);
  // Bars hold whole numbers of wins: adjacent bars meet, and each spans the same number of share steps.
  for (let i = 1; i < bins.length; i++) assert.ok(Math.abs(bins[i]!.start - bins[i - 1]!.end) < 1e-12);
  // The bar holding 43 wins expects 300 x the pmf summed over its wins.
  const step = 1 / 65;
  const bar = bins.find((b) => b.start <= 53 / 65 && 53 / 65 < b.end)!;
  const first = Math.round(bar.start / step + 0.5) - 10;
  const last = Math.round(bar.end / step - 0.5) - 10;
  let mass = 0;
  for (let k = first; k <= last; k++) mass += betaBinomialPmf(k, 50, 10, 5);
  assert.ok(Math.abs(bar.expected! - 300 * mass) < 1e-9);
});

test('without a closed form the histogram uses round bar widths and keeps every replication', async () => {
  const { outcomes } = await fixture();
  const small = outcomes.filter((o) => o.series === 'group:small');
  const bins = shareHistogram(small);
  assert.equal(bins.reduce((s, b) => s + b.count, 0), 300);
  assert.ok(bins.every((b) => b.expected === null));
  assert.deepEqual([niceWidth(0.013), niceWidth(0.03), niceWidth(0.07), niceWidth(0.002)], [0.02, 0.05, 0.1, 0.002]);
});

test('the chart is valid vega-lite, one panel per tracked series, the curve only where it applies', async () => {
  const { outcomes, replications } = await fixture();
  const chart = replicationsChart(outcomes, replications);
  assert.deepEqual(vegaLiteWarnings(chart.spec), []);
  const panels = (chart.spec as { concat: Array<{ title: { text: string }; layer: unknown[] }> }).concat;
  assert.deepEqual(panels.map((p) => [p.title.text, p.layer.length]), [['whale-0', 3], ['group small', 2]]);
  assert.match(JSON.stringify(chart.spec), /BetaBinomial\(n = 50, α = 10, β = 5\)/);
});

test('a closed form that the outcomes contradict is named but not drawn', async () => {
  const { outcomes, replications } = await fixture();
  const wrong = { ...replications, betaBinomial: { ...replications.betaBinomial!, alpha: 11 } };
  const chart = replicationsChart(outcomes, wrong);
  assert.deepEqual(vegaLiteWarnings(chart.spec), []);
  assert.match(JSON.stringify(chart.spec), /not drawn/);
  assert.doesNotMatch(JSON.stringify(chart.spec), /"closed form \(beta-binomial\)"/);
});
