import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PeriodPhase } from '../../../src/model/counting/period-phase.js';

test('residues equal time mod period, for times in order, repeated, jumping ahead or going back', () => {
  const P = 3_000_000;
  const phase = new PeriodPhase(P);
  const times = [0, 1, 2_999_999, 3_000_000, 3_000_000, 7_500_123, 31_000_000_001, 4_000_000, 0, 123_456_789_012];
  for (const t of times) {
    assert.equal(phase.residueOf(t), t % P, `time ${t}`);
    assert.equal(phase.period, Math.floor(t / P), `period of ${t}`);
  }
});
