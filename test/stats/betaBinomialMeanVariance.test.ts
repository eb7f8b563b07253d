import { test } from 'node:test';
import assert from 'node:assert/strict';
import { betaBinomialMeanVariance } from '../../src/stats/betaBinomialMeanVariance.js';
import { assertClose } from './assertClose.js';

test('matches scipy.stats.betabinom.mean / .var', () => {
  // scipy.stats.betabinom.mean(10,2,3) -> 4.0, scipy.stats.betabinom.var(10,2,3) -> 6.0
  const small = betaBinomialMeanVariance(10, 2, 3);
  assertClose(small.mean, 4, 1e-15);
  assertClose(small.variance, 6, 1e-15);
  // scipy.stats.betabinom.mean(10**6,10,90) -> 100000.0, .var(10**6,10,90) -> 891178217.8217822
  const large = betaBinomialMeanVariance(1e6, 10, 90);
  assertClose(large.mean, 100000, 1e-15);
  assertClose(large.variance, 891178217.8217822, 1e-14);
});

test('rejects bad parameters, naming the function', () => {
  assert.throws(() => betaBinomialMeanVariance(10, 2, 0), /betaBinomialMeanVariance: beta/);
});
