import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ReplicationOutcome } from '../../src/replications/run-replication.js';
import { meanEstimate, proportionEstimate, summarizeCell } from '../../src/sweep/cell-summary.js';

const close = (actual: number, expected: number, tolerance = 1e-6) => assert.ok(Math.abs(actual - expected) <= tolerance, `${actual} vs ${expected}`);

test('a mean with its Student-t 95% interval: 1..5 gives 3 +- t(0.975, 4) * sd / sqrt(5)', () => {
  // sd = sqrt(2.5); t(0.975, 4) = 2.776445 (tables); half width = 2.776445 * 1.581139 / 2.236068 = 1.963243.
  const e = meanEstimate([1, 2, 3, 4, 5]);
  close(e.mean, 3);
  close(e.low, 3 - 1.963243);
  close(e.high, 3 + 1.963243);
  assert.deepEqual(meanEstimate([0.4]), { mean: 0.4, low: NaN, high: NaN });
});

test('a proportion with its Wilson 95% interval (8 of 10: 0.4902 to 0.9433, as published)', () => {
  const e = proportionEstimate(8, 10);
  close(e.mean, 0.8);
  close(e.low, 0.490162, 1e-6);
  close(e.high, 0.943318, 1e-6);
});

function outcome(finalShare: number, chiSquareP: number | null): ReplicationOutcome {
  return {
    replication: 0,
    seed: 1,
    rounds: 10,
    stopReason: 'rounds',
    fullParticipation: true,
    initialTotalStake: 100,
    series: [{ name: 'group:small', initialStake: 20, initialStakeShare: 0.2, finalStakeShare: finalShare, wins: 2, winShare: 0.2 }],
    stakeGini: 0.5,
    stakeHerfindahlHirschman: 0.3,
    stakeNakamoto50: 2,
    chiSquareP,
    pitP: 0.5,
  };
}

test('bands count replications whose final share stays within 10% and 20% of the initial share; rejections count p <= 5%', () => {
  // Initial share 0.2: within 10% is [0.18, 0.22], within 20% is [0.16, 0.24].
  const s = summarizeCell([outcome(0.21, 0.04), outcome(0.17, 0.5), outcome(0.25, null), outcome(0.2, 0.05)]);
  const series = s.series[0];
  assert.ok(series);
  assert.equal(series.withinBand[0]?.mean, 2 / 4);
  assert.equal(series.withinBand[1]?.mean, 3 / 4);
  assert.equal(s.fairnessRejection.mean, 2 / 3, 'two of the three tested replications have p <= 0.05');
  close(series.finalStakeShare.mean, 0.2075);
});
