/**
 * Ehm's bound on the total variation distance between a Poisson-binomial count (a sum of
 * n independent Bernoulli(p_t)) and the binomial with the same n and mean,
 * Binomial(n, p̄), p̄ = Σ p_t / n (Ehm 1991; Barbour, Holst & Janson, *Poisson
 * Approximation*, Thm 9.E):
 *
 *   d_TV <= (1 - p̄^(n+1) - q̄^(n+1)) / ((n + 1) p̄ q̄) · Σ (p_t - p̄)²,   q̄ = 1 - p̄.
 *
 * Σ (p_t - p̄)² = Σ p_t² - n p̄² = (mean - variance) - mean² / n, from the two sums the
 * model keeps (variance = Σ p_t (1 - p_t)). It is 0 when every p_t is equal, where the
 * binomial is exact. Any tail probability, so each of a two-sided test's two tails, is
 * off by at most this much.
 *
 * @param trials n, an integer >= 1
 * @param mean Σ p_t, in [0, n]
 * @param variance Σ p_t (1 - p_t), >= 0
 * @returns the bound, in [0, 1] (rounding below 0 gives 0)
 * @throws {Error} if an argument is out of range
 * @example
 * // p = 0.1 and 0.3: p̄ = 0.2, Σ(p - p̄)² = 0.02; (1 - 0.008 - 0.512) / (3 · 0.16) · 0.02 = 0.02
 * binomialApproximationBound(2, 0.4, 0.3); // => 0.02
 */
export function binomialApproximationBound(trials: number, mean: number, variance: number): number {
  if (!(Number.isInteger(trials) && trials >= 1)) {
    throw new Error(`binomialApproximationBound: trials must be an integer >= 1, got ${trials}`);
  }
  if (!(mean >= 0 && mean <= trials) || !(variance >= 0 && variance < Infinity)) {
    throw new Error(`binomialApproximationBound: need 0 <= mean <= trials and variance >= 0, got ${mean} and ${variance}`);
  }
  const p = mean / trials;
  const q = 1 - p;
  if (p === 0 || q === 0) return 0;
  const spread = Math.max(0, mean - variance - (mean * mean) / trials);
  const factor = (1 - p ** (trials + 1) - q ** (trials + 1)) / ((trials + 1) * p * q);
  return Math.min(1, factor * spread);
}
