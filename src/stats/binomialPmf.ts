import betaln from '@stdlib/math-base-special-betaln';

/**
 * Probability mass function of the binomial distribution, P(K = k) = C(n, k) p^k (1-p)^(n-k),
 * in log space (C(n, k) = 1 / ((n + 1) B(n - k + 1, k + 1)), as in betaBinomialPmf), so
 * large n neither overflows nor underflows before the final exp. In pos-sim it is the
 * law of a validator's wins when it holds the same share p of every round's pool.
 *
 * @param k number of successes, an integer; 0 outside [0, n]
 * @param n number of trials, an integer >= 0
 * @param p success probability, in [0, 1]
 * @returns P(K = k)
 * @throws {Error} if `k` or `n` is not an integer, `n` < 0, or `p` is outside [0, 1]
 * @example
 * binomialPmf(3, 10, 0.3); // => 0.266827932 (scipy: 0.2668279319999998)
 */
export function binomialPmf(k: number, n: number, p: number): number {
  if (!Number.isSafeInteger(k) || !Number.isSafeInteger(n) || n < 0) {
    throw new Error(`binomialPmf: k and n must be integers with n >= 0, got ${k} and ${n}`);
  }
  if (!(p >= 0 && p <= 1)) throw new Error(`binomialPmf: p must be in [0, 1], got ${p}`);
  if (k < 0 || k > n) return 0;
  if (p === 0) return k === 0 ? 1 : 0;
  if (p === 1) return k === n ? 1 : 0;
  const logChoose = -Math.log1p(n) - betaln(n - k + 1, k + 1);
  return Math.exp(logChoose + k * Math.log(p) + (n - k) * Math.log1p(-p));
}
