import { oddsPowerSumsPmf } from './oddsPowerSumsPmf.js';

/**
 * P(W = k), k = 0..length-1, of a Poisson-binomial count kept in two parts, as the
 * model keeps a validator's rounds: rounds with a small p as the power sums of their
 * odds (see {@link oddsPowerSumsPmf}), and the few rounds with a large p, where that
 * series would converge slowly or not at all, as their own masses (a truncated
 * convolution). W is the sum of the two independent parts, so its masses are their
 * convolution, cut at `length`.
 *
 * @param oddsPowerSums P_j = Σ r_t^j over the small-p rounds (see {@link oddsPowerSumsPmf})
 * @param largeRounds P(W_large = k) for k = 0..; null if there were no large-p rounds
 * @param length how many masses to return, >= 1
 * @returns the masses, a new Float64Array
 * @example
 * // p = 0.2 kept as odds (r = 0.25) and p = 0.5 as masses: P(W = 0, 1, 2) = 0.4, 0.5, 0.1
 * poissonBinomialMasses([0.25, 0.0625], [0.5, 0.5], 3); // => Float64Array [0.4, 0.5, 0.1]
 */
export function poissonBinomialMasses(oddsPowerSums: ArrayLike<number>, largeRounds: ArrayLike<number> | null, length: number): Float64Array {
  const small = oddsPowerSumsPmf(oddsPowerSums, length);
  if (largeRounds === null) return small;
  const masses = new Float64Array(length);
  for (let k = 0; k < length; k++) {
    let sum = 0;
    for (let i = 0; i <= k && i < largeRounds.length; i++) sum += (largeRounds[i] as number) * (small[k - i] as number);
    masses[k] = sum;
  }
  return masses;
}
