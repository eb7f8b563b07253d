/** Above this mean, the normal value σ√(2/π) is used (its relative error is then below 1%). */
const NORMAL_ABOVE_MEAN = 20;
/** Binomial masses summed below {@link NORMAL_ABOVE_MEAN}: past 72 a mean <= 20 has < 1e-18 left. */
const BINOMIAL_MASSES = 73;

/**
 * E|W - mean| of a count W: from its masses where given (exact, up to the mass past
 * the last, which is negligible where the model gives them); otherwise from
 * Binomial(trials, mean / trials), summed up to 72 wins, when mean <= 20; otherwise
 * the normal value σ√(2/π) with σ² = variance. Used for the total variation distance
 * a fair lottery gives on average: E[TVD] = Σ_i E|W_i - μ_i| / (2 n).
 *
 * @param masses P(W = k) for k = 0.. (null: not known)
 * @param mean E[W], >= 0
 * @param variance Var[W], >= 0
 * @param trials rounds W counts over (for the binomial), an integer >= 0
 * @returns E|W - mean| (0 for no trials)
 * @example
 * expectedAbsoluteDeviation(null, 1, 0.5, 2); // => 0.5 (W ~ Binomial(2, 0.5): |0-1|/4 + 0 + |2-1|/4)
 */
export function expectedAbsoluteDeviation(masses: ArrayLike<number> | null, mean: number, variance: number, trials: number): number {
  if (trials === 0 || mean === 0) return 0;
  if (masses !== null) return absoluteDeviation(masses, mean);
  if (mean > NORMAL_ABOVE_MEAN) return Math.sqrt((2 * variance) / Math.PI);
  const p = Math.min(1, mean / trials);
  const length = Math.min(trials + 1, BINOMIAL_MASSES);
  const binomial = new Float64Array(length);
  // log P(W = 0) = n log(1 - p), then P(k + 1) / P(k) = (n - k) p / ((k + 1) q).
  binomial[0] = p === 1 ? 0 : Math.exp(trials * Math.log1p(-p));
  if (p === 1) return 0;
  for (let k = 0; k + 1 < length; k++) binomial[k + 1] = ((binomial[k] as number) * (trials - k) * p) / ((k + 1) * (1 - p));
  return absoluteDeviation(binomial, mean);
}

function absoluteDeviation(masses: ArrayLike<number>, mean: number): number {
  let sum = 0;
  for (let k = 0; k < masses.length; k++) sum += (masses[k] as number) * Math.abs(k - mean);
  return sum;
}
