import { test } from 'node:test';
import assert from 'node:assert/strict';
import { MAX_SHARE_SAMPLES, readShareHistory, seriesLabel, shareHistoryChart } from '../../../src/report/charts/share-history-chart.js';
import { fixtureSource, inlineRows, rowsOf, vegaLiteWarnings } from '../results-fixtures.js';

test('shares.csv becomes stake and block shares per series, groups named as such', async () => {
  const rows = await readShareHistory(fixtureSource('seed-rewards').rows('shares.csv')!);
  // 11 samples (rounds 0, 10, …, 100) x 6 series x 2 measures.
  assert.equal(rows.length, 11 * 6 * 2);
  assert.deepEqual([...new Set(rows.map((r) => r.series))], ['whale-0', 'whale-1', 'small-3', 'group whale', 'group small', 'group late']);
  // shares.csv: round 100, whale-0 holds 0.4098360655737705 of the stake and made 0.4 of the blocks.
  const last = rows.filter((r) => r.round === 100 && r.series === 'whale-0');
  assert.deepEqual(last.map((r) => [r.measure, r.value]), [['stake share', 0.4098360655737705], ['block share', 0.4]]);
  assert.deepEqual(vegaLiteWarnings(shareHistoryChart(rows).spec), []);
});

test('a shares.csv sampled every round of a long run is thinned to a bounded number of rounds', async () => {
  let csv = 'round,time_s,series,stake_share,block_share\n';
  for (let r = 0; r <= 50_000; r++) csv += `${r},${10 * r},whale-0,0.5,${r > 0 ? 0.5 : ''}\ngroup:small,${10 * r},x,0.5,0.5\n`.replace('\ngroup:small', `\n${r}`);
  const rows = await readShareHistory(rowsOf(csv));
  const rounds = new Set(rows.map((r) => r.round));
  assert.ok(rounds.size <= MAX_SHARE_SAMPLES, `${rounds.size} rounds kept`);
  assert.ok(rounds.has(0) && rounds.has(50_000), 'first and last rounds kept');
  assert.ok(inlineRows(shareHistoryChart(rows).spec) <= MAX_SHARE_SAMPLES * 4);
});

test('series labels: "group:<name>" reads "group <name>", a validator id stays', () => {
  assert.equal(seriesLabel('group:whale'), 'group whale');
  assert.equal(seriesLabel('whale-0'), 'whale-0');
});
