import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { PeriodRecord, RoundRecord } from '../../src/model/records.js';
import { ReferenceRun } from '../../src/reference/run.js';
import type { ResolvedScenario } from '../../src/scenario/types.js';
import { s, scenario, text, validator } from '../model/scenario-builders.js';

function run(sc: ResolvedScenario) {
  const rounds: RoundRecord[] = [];
  const periods: PeriodRecord[] = [];
  const result = new ReferenceRun(sc, { round: (r) => rounds.push(r), period: (p) => periods.push(p) }).runToEnd();
  return { result, rounds, periods };
}

// A few of the spec's rules on hand-made scenarios; the differential suite checks the rest against the fast model.

test('the literal lottery draws after every intake from t = 10 s, the periodic one every 10 s', () => {
  const make = (lottery: 'periodic' | 'literal') =>
    scenario([validator('a', { submissions: { kind: 'every', intervalUs: s(5), phaseUs: s(1) } })], { lottery, durationUs: s(41) });
  assert.deepEqual(run(make('periodic')).rounds.map((r) => r.timeUs / 1e6), [10, 20, 30, 40]);
  assert.deepEqual(run(make('literal')).rounds.map((r) => r.timeUs / 1e6), [10, 15, 20, 25, 30, 35, 40]);
});

test('a block taken in after a lottery is appended stale under the seed rules', () => {
  const sc = scenario([validator('a', { at: [6] }), validator('b', { connectUs: 1, at: [9] })], {
    durationUs: s(25),
    timings: { intakeUs: s(7), lotteryUs: s(10), syncUs: s(30), pollUs: s(3), jitterUs: 0 },
  });
  const { rounds, result } = run(sc);
  assert.deepEqual(rounds.map((r) => [r.blockIndex, r.stale]), [[1, false], [1, true]]);
  assert.equal(result.counters.firstStaleRound, 2);
});

test('a bad balance kills the lottery when a pool reaches it; the run stops there without a duration', () => {
  const sc = scenario([validator('a', { balance: text('lots'), at: [1] })], { durationUs: null, rounds: 5 });
  const { result } = run(sc);
  assert.deepEqual(result.counters.halt, { reason: 'bad-balance', timeUs: s(10), afterRound: 0 });
  assert.equal(result.stopReason, 'halted');
});

test('a sync write on a period boundary is in the period it ends', () => {
  const { periods } = run(scenario([validator('a', { connectUs: 0 })], { rules: 'fixed', durationUs: s(90) }));
  assert.deepEqual(periods.map((p) => [p.timeUs / 1e6, p.syncMessages]), [[30, 1], [60, 1], [90, 0]]);
});
