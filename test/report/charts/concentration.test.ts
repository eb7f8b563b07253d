import { test } from 'node:test';
import assert from 'node:assert/strict';
import { concentrationChart, MAX_CONCENTRATION_SAMPLES, readConcentration } from '../../../src/report/charts/concentration-chart.js';
import { fixtureSource, inlineRows, rowsOf, vegaLiteWarnings } from '../results-fixtures.js';

test('timeseries.csv becomes Gini, HHI and Nakamoto rows for stake and blocks; empty fields are left out', async () => {
  const rows = await readConcentration(fixtureSource('seed-rewards').rows('timeseries.csv')!);
  // 11 samples x 4 metrics x 2 bases, less the 4 block metrics of round 0 (no block yet: empty in the CSV).
  assert.equal(rows.length, 11 * 4 * 2 - 4);
  assert.deepEqual([...new Set(rows.map((r) => r.metric))], ['Gini coefficient', 'Herfindahl-Hirschman index', 'Nakamoto coefficient (50%)', 'Nakamoto coefficient (33%)']);
  assert.equal(rows.filter((r) => r.round === 0 && r.basis === 'blocks').length, 0);
  const chart = concentrationChart(rows, 'constant');
  assert.deepEqual(vegaLiteWarnings(chart.spec), []);
  assert.match(JSON.stringify(chart.spec), /rewards: constant/);
});

test('a finely sampled timeseries.csv is thinned for the picture', async () => {
  const header = 'round,time_s,stake_total,stake_gini,stake_hhi,stake_nakamoto50,stake_nakamoto33,stake_top1,stake_top10,stake_entropy_bits,stake_theil,blocks_gini,blocks_hhi,blocks_nakamoto50,blocks_nakamoto33,blocks_top1,blocks_top10,blocks_entropy_bits,blocks_theil\n';
  let csv = header;
  for (let r = 0; r < 20_000; r++) csv += `${r},${r * 10},100,0.5,0.2,3,2,0.3,1,2,0.4,0.5,0.2,3,2,0.3,1,2,0.4\n`;
  const rows = await readConcentration(rowsOf(csv));
  assert.ok(new Set(rows.map((r) => r.round)).size <= MAX_CONCENTRATION_SAMPLES);
  assert.ok(inlineRows(concentrationChart(rows, 'inflation').spec) <= MAX_CONCENTRATION_SAMPLES * 8);
});
