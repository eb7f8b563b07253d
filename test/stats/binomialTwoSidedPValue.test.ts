import { test } from 'node:test';
import assert from 'node:assert/strict';
import { binomialTwoSidedPValue } from '../../src/stats/binomialTwoSidedPValue.js';
import { assertClose } from './assertClose.js';

// scipy 1.17: lo = binom.cdf(w, n, p); up = binom.sf(w - 1, n, p); min(1, 2 * min(lo, up))
const SCIPY: ReadonlyArray<readonly [number, number, number, number]> = [
  [1, 2000, 0.0000235, 0.09182625862500703],
  [0, 2000, 0.001, 0.2703998507949994],
  [7, 2000, 0.001, 0.009019538009075855],
  [2, 2000, 0.001, 1],
  [0, 10, 0.5, 0.001953125],
  [5, 10, 0.5, 1],
  [130, 1000, 0.1, 0.0026827967417468856],
  [60, 1000, 0.1, 8.757639805725569e-06],
  [200, 1000, 0.1, 5.856109607657457e-21],
  [0, 5000, 0.002, 8.989518541587188e-05],
];

test('twice the smaller binomial tail, as scipy computes it', () => {
  for (const [wins, trials, p, expected] of SCIPY) {
    assertClose(binomialTwoSidedPValue(wins, trials, p), expected, 1e-10, `${wins} of ${trials} at ${p}`);
  }
});

test('certain outcomes: p = 0 or 1, no trials', () => {
  assert.equal(binomialTwoSidedPValue(0, 10, 0), 1);
  assert.equal(binomialTwoSidedPValue(3, 10, 0), 0);
  assert.equal(binomialTwoSidedPValue(10, 10, 1), 1);
  assert.equal(binomialTwoSidedPValue(0, 0, 0.3), 1);
});

test('rejects what is not a count or a probability, naming the function', () => {
  assert.throws(() => binomialTwoSidedPValue(11, 10, 0.5), /binomialTwoSidedPValue: wins/);
  assert.throws(() => binomialTwoSidedPValue(1.5, 10, 0.5), /binomialTwoSidedPValue: wins/);
  assert.throws(() => binomialTwoSidedPValue(1, 10, 1.5), /binomialTwoSidedPValue: p/);
});
