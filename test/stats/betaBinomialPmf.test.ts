import { test } from 'node:test';
import assert from 'node:assert/strict';
import { betaBinomialPmf } from '../../src/stats/betaBinomialPmf.js';
import { assertClose } from './assertClose.js';

test('matches scipy.stats.betabinom.pmf for small n', () => {
  assertClose(betaBinomialPmf(3, 10, 2, 3), 0.14385614385614395, 1e-13); // scipy.stats.betabinom.pmf(3,10,2,3)
  assertClose(betaBinomialPmf(0, 10, 0.5, 0.5), 0.17619705200195315, 1e-13); // scipy.stats.betabinom.pmf(0,10,0.5,0.5)
  assert.equal(betaBinomialPmf(11, 10, 2, 3), 0); // scipy.stats.betabinom.pmf(11,10,2,3) -> 0.0
  assert.equal(betaBinomialPmf(-1, 10, 2, 3), 0);
  assert.equal(betaBinomialPmf(0, 0, 2, 3), 1);
});

test('sums to 1 over its support', () => {
  const total = Array.from({ length: 51 }, (_, k) => betaBinomialPmf(k, 50, 0.7, 4.2)).reduce((a, b) => a + b, 0);
  assertClose(total, 1, 1e-13);
});

// n = 10^6: the references are 50-digit mpmath values, because scipy's own
// betabinom.pmf is off by up to 3e-9 relative here (both difference log-beta
// values of size ~3e5, and scipy's cancellation is worse). The scipy value is
// given too. Ours is within 5e-11 of mpmath; tolerance 1e-9.
//   import mpmath as mp; mp.mp.dps = 50
//   pmf = lambda k, n, a, b: mp.binomial(n, k) * mp.beta(k + a, n - k + b) / mp.beta(a, b)
test('stays accurate for n = 10^6 (Pólya urn with a 10% validator)', () => {
  // pmf(100000, 10**6, 10, 90) -> 1.3185875404049163e-05; scipy.stats.betabinom.pmf(...) -> 1.3185875439519195e-05
  assertClose(betaBinomialPmf(100000, 1e6, 10, 90), 1.3185875404049163e-5, 1e-9);
  // pmf(30000, 10**6, 10, 90) -> 2.0399417131166447e-07; scipy -> 2.0399417138338943e-07
  assertClose(betaBinomialPmf(30000, 1e6, 10, 90), 2.0399417131166447e-7, 1e-9);
  // pmf(5, 10**6, 0.5, 0.5) -> 1.3884386008076276e-04; scipy -> 1.3884386017801143e-04
  assertClose(betaBinomialPmf(5, 1e6, 0.5, 0.5), 1.3884386008076276e-4, 1e-9);
  // pmf(500000, 10**6, 2000, 2000) -> 5.0358879331245712e-05; scipy -> 5.03588792879839e-05
  assertClose(betaBinomialPmf(500000, 1e6, 2000, 2000), 5.0358879331245712e-5, 1e-9);
});

test('rejects bad parameters and a non-integer k, naming the function', () => {
  assert.throws(() => betaBinomialPmf(1.5, 10, 2, 3), /betaBinomialPmf: k/);
  assert.throws(() => betaBinomialPmf(1, -1, 2, 3), /betaBinomialPmf: n/);
  assert.throws(() => betaBinomialPmf(1, 10, 0, 3), /betaBinomialPmf: alpha/);
  assert.throws(() => betaBinomialPmf(1, 10, 2, Infinity), /betaBinomialPmf: beta/);
});
