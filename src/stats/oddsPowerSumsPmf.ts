/**
 * The probability mass function, at 0..length-1, of a sum of independent Bernoulli(p_t)
 * (a Poisson-binomial count) known only through the power sums of its odds
 * r_t = p_t / (1 - p_t): P_j = Σ_t r_t^j, j = 1..J.
 *
 * Its generating function is Π_t (1 - p_t)(1 + r_t z) = exp(-A(1)) exp(A(z)) with
 * A(z) = Σ_t log(1 + r_t z) = Σ_j (-1)^(j+1) P_j z^j / j, so with A cut after J terms,
 * P(W = k) = exp(-A(1)) g_k where g_0 = 1 and k g_k = Σ_{i=1..min(k,J)} (-1)^(i+1) P_i g_(k-i)
 * (Newton's identities). Cutting A is what keeps a validator's state at J numbers
 * whatever the number of rounds. The terms cut, T(z) = Σ_{j>J} (-1)^(j+1) P_j z^j / j,
 * have coefficients at most r_max^J P_1 / (J + 1): the masses up to J are off by that
 * relative amount, and a mass k > J by about that times P(W = k - J - 1), so any
 * tail sum (a p-value) by about r_max^J P_1 / (J + 1) in all. The model keeps here
 * only rounds with p <= 1/256 (r <= 1/255) and J = 6, and only while P_1 stays near
 * 21 at most: 3.6e-15 x 21 / 7, about 1.1e-14.
 *
 * @param oddsPowerSums P_1..P_J, each >= 0 (all zero: no round, W = 0)
 * @param length how many masses to return (k = 0..length-1), >= 1
 * @returns the masses, a new Float64Array; masses that rounding leaves below 0 are 0
 * @throws {Error} if a power sum is negative or not finite, or `length` < 1
 * @example
 * // One round with p = 0.5 (r = 1) and one with p = 0.2 (r = 0.25), exactly:
 * // P(W = 0, 1, 2) = 0.4, 0.5, 0.1; here with the cut at J = 2, which is exact for 2 rounds.
 * oddsPowerSumsPmf([1.25, 1.0625], 3); // => Float64Array [0.4, 0.5, 0.1]
 */
export function oddsPowerSumsPmf(oddsPowerSums: ArrayLike<number>, length: number): Float64Array {
  if (!(Number.isInteger(length) && length >= 1)) {
    throw new Error(`oddsPowerSumsPmf: length must be an integer >= 1, got ${length}`);
  }
  const J = oddsPowerSums.length;
  let logP0 = 0;
  for (let j = 0; j < J; j++) {
    const s = oddsPowerSums[j] as number;
    if (!(s >= 0 && s < Infinity)) throw new Error(`oddsPowerSumsPmf: oddsPowerSums[${j}] must be finite and >= 0, got ${s}`);
    logP0 -= (j % 2 === 0 ? s : -s) / (j + 1);
  }
  const g = new Float64Array(length);
  g[0] = 1;
  for (let k = 1; k < length; k++) {
    let sum = 0;
    for (let i = 1; i <= Math.min(k, J); i++) {
      const term = (oddsPowerSums[i - 1] as number) * (g[k - i] as number);
      sum += i % 2 === 1 ? term : -term;
    }
    g[k] = sum / k;
  }
  const p0 = Math.exp(logP0);
  for (let k = 0; k < length; k++) g[k] = Math.max(0, (g[k] as number) * p0);
  return g;
}
