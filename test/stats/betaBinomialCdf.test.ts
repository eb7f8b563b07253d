import { test } from 'node:test';
import assert from 'node:assert/strict';
import { betaBinomialCdf } from '../../src/stats/betaBinomialCdf.js';
import { assertClose } from './assertClose.js';

test('matches scipy.stats.betabinom.cdf for small n, both summation branches', () => {
  assertClose(betaBinomialCdf(3, 10, 2, 3), 0.4545454545454546, 1e-13); // scipy.stats.betabinom.cdf(3,10,2,3)
  assertClose(betaBinomialCdf(7, 10, 2, 3), 0.9050949050949051, 1e-13); // scipy.stats.betabinom.cdf(7,10,2,3)
  assertClose(betaBinomialCdf(2, 10, 0.5, 0.5), 0.34257507324218744, 1e-13); // scipy.stats.betabinom.cdf(2,10,0.5,0.5)
  assertClose(betaBinomialCdf(3.7, 10, 2, 3), 0.4545454545454546, 1e-13); // scipy.stats.betabinom.cdf(3.7,10,2,3)
});

test('is 0 below the support and 1 from n on', () => {
  assert.equal(betaBinomialCdf(-0.5, 10, 2, 3), 0);
  assert.equal(betaBinomialCdf(10, 10, 2, 3), 1);
  assert.equal(betaBinomialCdf(1e9, 10, 2, 3), 1);
});

// n = 10^6. Tolerance 1e-9: scipy and 50-digit mpmath (a direct recurrence sum,
// shown where it is the reference) agree with ours to 1e-11; the slack covers
// the pmf's 1e-11-level rounding summed over up to 10^6 terms.
test('stays accurate for n = 10^6, lower tail and complement', () => {
  // scipy.stats.betabinom.cdf(20000, 10**6, 10, 90) -> 3.1599220216727734e-05
  assertClose(betaBinomialCdf(20000, 1e6, 10, 90), 3.1599220216727734e-5, 1e-9);
  // scipy.stats.betabinom.cdf(80000, 10**6, 10, 90) -> 0.2678052901445384
  assertClose(betaBinomialCdf(80000, 1e6, 10, 90), 0.2678052901445384, 1e-9);
  // scipy.stats.betabinom.cdf(950000, 10**6, 90, 10) -> 0.9734769598109346 (summed as 1 - upper tail)
  assertClose(betaBinomialCdf(950000, 1e6, 90, 10), 0.9734769598109346, 1e-9);
});

test('rejects NaN and bad parameters, naming the function', () => {
  assert.throws(() => betaBinomialCdf(Number.NaN, 10, 2, 3), /betaBinomialCdf: k/);
  assert.throws(() => betaBinomialCdf(1, 2.5, 2, 3), /betaBinomialCdf: n/);
  assert.throws(() => betaBinomialCdf(1, 10, -2, 3), /betaBinomialCdf: alpha/);
});
