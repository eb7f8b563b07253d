/**
 * Two-sided p-value of an observed count under a distribution on 0, 1, 2, ... given by
 * its masses at 0..K (the rest, beyond K, is 1 minus their sum): twice the smaller
 * tail, min(1, 2 min(P(W <= w), P(W >= w))), as {@link binomialTwoSidedPValue}; not
 * mid-p. Each tail is summed from its own side, so tiny tails keep their precision.
 * The mass beyond K is taken as 1 minus the sum (rounding: about 1e-16), so K must
 * leave a negligible mass beyond it. For w > K the upper tail is not known term by term: it is bounded by the Chernoff
 * bound of a sum of independent Bernoulli variables with mean `mean`,
 * P(W >= w) <= e^(-mean) (e mean / w)^w, which keeps the p-value valid (conservative).
 *
 * @param masses P(W = k) for k = 0..K, each >= 0, summing to at most 1 (within rounding)
 * @param wins the observed count, an integer >= 0
 * @param mean E[W] (used only when wins > K)
 * @returns the p-value, in [0, 1]
 * @throws {Error} if `wins` is not an integer >= 0 or `masses` is empty
 * @example
 * // W ~ Binomial(2, 0.5): masses 0.25, 0.5, 0.25; w = 2: 2 P(W >= 2) = 0.5
 * pmfTwoSidedPValue([0.25, 0.5, 0.25], 2, 1); // => 0.5
 */
export function pmfTwoSidedPValue(masses: ArrayLike<number>, wins: number, mean: number): number {
  if (!(Number.isInteger(wins) && wins >= 0)) throw new Error(`pmfTwoSidedPValue: wins must be an integer >= 0, got ${wins}`);
  const K = masses.length - 1;
  if (K < 0) throw new Error('pmfTwoSidedPValue: masses must not be empty');
  if (wins > K) {
    const chernoff = wins > mean ? Math.exp(-mean + wins * (1 + Math.log(mean / wins))) : 1;
    return Math.min(1, 2 * chernoff);
  }
  let total = 0;
  for (let k = 0; k <= K; k++) total += masses[k] as number;
  const beyond = Math.max(0, 1 - total);
  let lower = 0;
  for (let k = 0; k <= wins; k++) lower += masses[k] as number;
  let upper = beyond;
  for (let k = K; k >= wins; k--) upper += masses[k] as number;
  return Math.min(1, 2 * Math.min(lower, upper));
}
