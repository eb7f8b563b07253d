import betainc from '@stdlib/math-base-special-betainc';

/**
 * Two-sided p-value of `wins` successes in `trials` Bernoulli(p) trials: twice the
 * smaller tail, min(1, 2 min(P(X <= wins), P(X >= wins))), X ~ Binomial(trials, p).
 * Not mid-p: each tail counts the observed value in full, so the p-value is valid
 * (P(p <= alpha) <= alpha under the null) and a family of them can be Holm-adjusted.
 * Both tails come from the regularized incomplete beta function, each computed
 * directly (never as 1 - the other), so tiny tails keep their relative precision.
 *
 * @param wins observed successes, an integer in [0, trials]
 * @param trials number of trials, an integer >= 0
 * @param p success probability per trial, in [0, 1]
 * @returns the p-value, in [0, 1]
 * @throws {Error} if an argument is out of range
 * @example
 * binomialTwoSidedPValue(1, 2000, 0.0000235); // => 0.0914... (2 P(X >= 1) = 2 (1 - (1 - p)^2000))
 */
export function binomialTwoSidedPValue(wins: number, trials: number, p: number): number {
  if (!(Number.isInteger(trials) && trials >= 0)) {
    throw new Error(`binomialTwoSidedPValue: trials must be an integer >= 0, got ${trials}`);
  }
  if (!(Number.isInteger(wins) && wins >= 0 && wins <= trials)) {
    throw new Error(`binomialTwoSidedPValue: wins must be an integer in [0, ${trials}], got ${wins}`);
  }
  if (!(p >= 0 && p <= 1)) throw new Error(`binomialTwoSidedPValue: p must be in [0, 1], got ${p}`);
  const lower = binomialLowerTail(wins, trials, p);
  const upper = binomialUpperTail(wins, trials, p);
  return Math.min(1, 2 * Math.min(lower, upper));
}

/** P(X <= k) = 1 - I_p(k + 1, n - k), taken as the upper regularized beta. */
function binomialLowerTail(k: number, n: number, p: number): number {
  if (k >= n || p === 0) return 1;
  if (p === 1) return 0;
  return betainc(p, k + 1, n - k, true, true);
}

/** P(X >= k) = I_p(k, n - k + 1). */
function binomialUpperTail(k: number, n: number, p: number): number {
  if (k <= 0 || p === 1) return 1;
  if (p === 0) return 0;
  return betainc(p, k, n - k + 1, true, false);
}
