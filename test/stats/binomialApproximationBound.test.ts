import { test } from 'node:test';
import assert from 'node:assert/strict';
import { binomialApproximationBound } from '../../src/stats/binomialApproximationBound.js';
import { assertClose } from './assertClose.js';

test('0 when every p is equal (the binomial is exact); a worked example', () => {
  assert.ok(binomialApproximationBound(2000, 2, 2 * 0.999) < 1e-15);
  // p = 0.1, 0.3: (1 - 0.2^3 - 0.8^3) / (3 * 0.2 * 0.8) * 0.02, by hand
  assertClose(binomialApproximationBound(2, 0.4, 0.09 + 0.21), 0.02, 1e-12);
});

test('above the true distance (scipy: 8 rounds, TV to Binomial(8, mean/8) = 0.0390367)', () => {
  const ps = [0.01, 0.05, 0.02, 0.3, 0.1, 0.001, 0.04, 0.06];
  const mean = ps.reduce((a, p) => a + p, 0);
  const variance = ps.reduce((a, p) => a + p * (1 - p), 0);
  const bound = binomialApproximationBound(ps.length, mean, variance);
  assert.ok(bound >= 0.039036717873801106 && bound < 1, String(bound));
  assert.throws(() => binomialApproximationBound(0, 0, 0), /binomialApproximationBound: trials/);
});
