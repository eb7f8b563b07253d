import betaln from '@stdlib/math-base-special-betaln';
import { assertBetaBinomialParameters } from './assertBetaBinomialParameters.js';

/**
 * Probability mass function of the
 * [beta-binomial distribution](https://en.wikipedia.org/wiki/Beta-binomial_distribution):
 *
 *   P(K = k) = C(n, k) B(k + α, n - k + β) / B(α, β)
 *
 * evaluated in log space with the library's log-beta, C(n, k) being
 * 1 / ((n + 1) B(n - k + 1, k + 1)), so n up to 10^6 and beyond neither
 * overflows nor underflows before the final exp.
 *
 * In pos-sim it is the exact law of a validator's wins under the
 * constant-reward Pólya urn: stake a among total w, reward r per block, wins
 * over n rounds ~ BetaBinomial(n, a/r, (w - a)/r).
 *
 * @param k number of successes, an integer; 0 outside [0, n]
 * @param n number of trials, an integer >= 0
 * @param alpha first shape parameter, > 0
 * @param beta second shape parameter, > 0
 * @returns the probability P(K = k)
 * @throws {Error} if `k` is not an integer or a parameter is out of range
 * @example
 * betaBinomialPmf(3, 10, 2, 3); // => 0.1438561438561437 (= 144/1001)
 */
export function betaBinomialPmf(k: number, n: number, alpha: number, beta: number): number {
  assertBetaBinomialParameters(n, alpha, beta, 'betaBinomialPmf');
  if (!Number.isSafeInteger(k)) {
    throw new Error(`betaBinomialPmf: k must be an integer, got ${k}`);
  }
  if (k < 0 || k > n) {
    return 0;
  }
  const logChoose = -Math.log1p(n) - betaln(n - k + 1, k + 1);
  return Math.exp(logChoose + betaln(k + alpha, n - k + beta) - betaln(alpha, beta));
}
