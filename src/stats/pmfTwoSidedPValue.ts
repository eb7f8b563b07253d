/**
 * Two-sided p-value of an observed count W, a sum of independent Bernoulli variables
 * with mean `mean`, given its masses at 0..K: twice the smaller tail,
 * min(1, 2 min(P(W <= w), P(W >= w))), as {@link binomialTwoSidedPValue}; not mid-p.
 * Each tail is summed from its own side, so tiny tails keep their precision. The mass
 * beyond K is not known term by term; it is replaced by the Chernoff bound of such a
 * sum, P(W >= c) <= e^(-mean) (e mean / c)^c for c > mean (for mean <= 20 and K = 72,
 * below 1e-18), so the upper tail is never too small and the p-value stays valid
 * (conservative); for w > K that bound is the upper tail.
 *
 * @param masses P(W = k) for k = 0..K, each >= 0
 * @param wins the observed count, an integer >= 0
 * @param mean E[W], >= 0
 * @returns the p-value, in [0, 1]
 * @throws {Error} if `wins` is not an integer >= 0 or `masses` is empty
 * @example
 * // 8 rounds with p = 0.01, 0.05, 0.02, 0.3, 0.1, 0.001, 0.04, 0.06 (mean 0.581), masses at 0..8
 * // by numpy; w = 3: numpy's 2 P(W >= 3) = 0.0184486, and the bound beyond 8 adds 2 x 8.8e-8.
 * pmfTwoSidedPValue([0.52347, 0.38178, 0.085532, 0.0087500, 4.6143e-4, 1.2700e-5, 1.6906e-7, 8.7624e-10, 7.2e-13], 3, 0.581);
 * // => 0.0184488
 */
export function pmfTwoSidedPValue(masses: ArrayLike<number>, wins: number, mean: number): number {
  if (!(Number.isInteger(wins) && wins >= 0)) throw new Error(`pmfTwoSidedPValue: wins must be an integer >= 0, got ${wins}`);
  const K = masses.length - 1;
  if (K < 0) throw new Error('pmfTwoSidedPValue: masses must not be empty');
  if (wins > K) return Math.min(1, 2 * chernoffUpperTail(wins, mean));
  let lower = 0;
  for (let k = 0; k <= wins; k++) lower += masses[k] as number;
  let upper = chernoffUpperTail(K + 1, mean);
  for (let k = K; k >= wins; k--) upper += masses[k] as number;
  return Math.min(1, 2 * Math.min(lower, upper));
}

/** P(W >= c) <= e^(-mean) (e mean / c)^c for a sum of independent Bernoulli variables, c > mean (else 1). */
function chernoffUpperTail(c: number, mean: number): number {
  if (c <= mean) return 1;
  if (mean === 0) return 0;
  return Math.exp(-mean + c * (1 + Math.log(mean / c)));
}
