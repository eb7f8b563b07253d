import { sum } from 'simple-statistics';
import { assertBetaBinomialParameters } from './assertBetaBinomialParameters.js';
import { betaBinomialPmf } from './betaBinomialPmf.js';
import { betaBinomialMeanVariance } from './betaBinomialMeanVariance.js';

/**
 * Cumulative distribution function P(K <= k) of the beta-binomial
 * distribution, by summing the pmf (compensated summation). Below the mean
 * the lower tail 0..k is always summed, so a small CDF keeps its relative
 * precision. At or above the mean the CDF is far from 0 and either way is
 * accurate, so the shorter of 0..k and k+1..n is summed (the latter as
 * 1 - upper tail). Cost: up to min(k + 1, n - k) library pmf evaluations
 * at or above the mean and k + 1 below it, about 1.5 µs each, so up to about
 * 1.5 s for n = 10^6 when k is just below the mean of a distribution whose
 * mass sits near n.
 *
 * @param k a number; it is floored, and the CDF is 0 below 0 and 1 from n on
 * @param n number of trials, an integer >= 0
 * @param alpha first shape parameter, > 0
 * @param beta second shape parameter, > 0
 * @returns the probability P(K <= k), in [0, 1]
 * @throws {Error} if `k` is NaN or a parameter is out of range
 * @example
 * betaBinomialCdf(3, 10, 2, 3); // => 0.4545454545454544 (= 5/11)
 */
export function betaBinomialCdf(k: number, n: number, alpha: number, beta: number): number {
  assertBetaBinomialParameters(n, alpha, beta, 'betaBinomialCdf');
  if (Number.isNaN(k)) {
    throw new Error('betaBinomialCdf: k must be a number, got NaN');
  }
  const upTo = Math.floor(k);
  if (upTo < 0) {
    return 0;
  }
  if (upTo >= n) {
    return 1;
  }
  const terms = (from: number, to: number): number[] =>
    Array.from({ length: to - from + 1 }, (_, offset) => betaBinomialPmf(from + offset, n, alpha, beta));
  const lowerTailIsShorter = upTo + 1 <= n - upTo;
  if (upTo < betaBinomialMeanVariance(n, alpha, beta).mean || lowerTailIsShorter) {
    return Math.min(1, sum(terms(0, upTo)));
  }
  return Math.max(0, 1 - sum(terms(upTo + 1, n)));
}
