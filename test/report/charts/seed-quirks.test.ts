import { test } from 'node:test';
import assert from 'node:assert/strict';
import { MAX_QUIRK_POINTS, mergePeriods, readQuirkPeriods, type QuirkPeriod } from '../../../src/report/charts/quirk-periods.js';
import { seedQuirksChart } from '../../../src/report/charts/seed-quirks-chart.js';
import { fixtureSource, inlineRows, vegaLiteWarnings } from '../results-fixtures.js';

const period = (time: number, alive: boolean, syncBytes: number): QuirkPeriod => ({
  time, rounds: time / 10, staleBlocks: 0, lotteryAlive: alive, announcementsMade: time / 10, announcementsDelivered: time / 10,
  announcementsLost: 0, syncMessages: syncBytes / 100, syncBytes, threads: time,
});

test('quirks.csv is read period by period', async () => {
  const periods = await readQuirkPeriods(fixtureSource('seed-rewards').rows('quirks.csv')!);
  assert.equal(periods.length, 50);
  assert.deepEqual(periods[34], {
    time: 1050, rounds: 100, staleBlocks: 2, lotteryAlive: false, announcementsMade: 100, announcementsDelivered: 96,
    announcementsLost: 4, syncMessages: 600, syncBytes: 10920000, threads: 615,
  });
});

test('merged periods keep running totals at their end, mean sync traffic, and a death anywhere within', () => {
  const periods = [period(30, true, 100), period(60, true, 300), period(90, false, 500), period(120, false, 700)];
  assert.deepEqual(mergePeriods(periods, 10), { periods, merged: 1 });
  const { periods: merged, merged: k } = mergePeriods(periods, 2);
  assert.equal(k, 2);
  assert.deepEqual(merged.map((p) => [p.time, p.rounds, p.syncBytes, p.lotteryAlive, p.threads]), [
    [60, 6, 200, true, 60],
    [120, 12, 600, false, 120],
  ]);
});

test('a week-long run is merged to a bounded number of points', () => {
  const periods = Array.from({ length: 20_160 }, (_, i) => period(30 * (i + 1), true, 1000));
  const { periods: merged, merged: k } = mergePeriods(periods);
  assert.ok(merged.length <= MAX_QUIRK_POINTS);
  const chart = seedQuirksChart({ periods: merged, merged: k, periodSeconds: 30, endSeconds: 604_800, haltSeconds: null });
  // Five panels, each drawing the (same) merged periods once.
  assert.ok(inlineRows(chart.spec) <= 5 * MAX_QUIRK_POINTS);
  assert.match(JSON.stringify(chart.spec), /mean over 34 periods/);
  assert.deepEqual(vegaLiteWarnings(chart.spec), []);
});

test('the chart shades the time after the lottery thread died and is valid vega-lite', async () => {
  const periods = await readQuirkPeriods(fixtureSource('seed-rewards').rows('quirks.csv')!);
  const chart = seedQuirksChart({ periods, merged: 1, periodSeconds: 30, endSeconds: 1500, haltSeconds: 1010 });
  assert.deepEqual(vegaLiteWarnings(chart.spec), []);
  assert.match(JSON.stringify(chart.spec), /lottery thread dead from 1010 s/);
});
