/**
 * Probability mass function of a sum of independent Bernoulli trials with
 * probabilities p_1..p_n (the Poisson-binomial distribution), by direct convolution:
 * exact up to rounding, O(n^2), for a few hundred trials (the conformance table's rows,
 * each inside or outside its range). For the model's millions of rounds see
 * {@link poissonBinomialMasses}.
 *
 * @param probabilities the trials' success probabilities, each in [0, 1]
 * @returns P(K = k) for k = 0..n, a new Float64Array
 * @throws {Error} if a probability is outside [0, 1] or not a number
 * @example
 * poissonBinomialPmf([0.5, 0.2]); // => Float64Array [0.4, 0.5, 0.1]
 */
export function poissonBinomialPmf(probabilities: readonly number[]): Float64Array {
  const masses = new Float64Array(probabilities.length + 1);
  masses[0] = 1;
  probabilities.forEach((p, i) => {
    if (!(p >= 0 && p <= 1)) throw new Error(`poissonBinomialPmf: probabilities must be in [0, 1], got ${p} at ${i}`);
    // Trial i + 1 joins: from the top down, so each mass is read before it is overwritten.
    for (let k = i + 1; k >= 1; k--) masses[k] = (masses[k] as number) * (1 - p) + (masses[k - 1] as number) * p;
    masses[0] = (masses[0] as number) * (1 - p);
  });
  return masses;
}
