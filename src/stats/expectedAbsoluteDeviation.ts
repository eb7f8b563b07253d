import { binomialPmf } from './binomialPmf.js';

/**
 * E|W - mean| of a count W: from its masses where given (exact, up to the mass past
 * the last, which is below 1e-18 where the model gives them); otherwise for W ~
 * Binomial(trials, mean / trials), by De Moivre's closed form
 * E|W - np| = 2 ν (1 - p) P(W = ν), ν = floor(np) + 1 (exact, one mass to evaluate).
 * Used for the total variation distance a fair lottery gives on average:
 * E[TVD] = Σ_i E|W_i - μ_i| / (2 n).
 *
 * @param masses P(W = k) for k = 0.. (null: W is taken as binomial)
 * @param mean E[W], in [0, trials]
 * @param trials rounds W counts over, an integer >= 0
 * @returns E|W - mean| (0 for no trials)
 * @example
 * expectedAbsoluteDeviation(null, 1, 2); // => 0.5 (W ~ Binomial(2, 0.5): |0-1|/4 + 0 + |2-1|/4)
 */
export function expectedAbsoluteDeviation(masses: ArrayLike<number> | null, mean: number, trials: number): number {
  if (trials === 0 || mean === 0) return 0;
  if (masses !== null) {
    let sum = 0;
    for (let k = 0; k < masses.length; k++) sum += (masses[k] as number) * Math.abs(k - mean);
    return sum;
  }
  const p = Math.min(1, mean / trials);
  if (p === 1) return 0;
  const nu = Math.floor(trials * p) + 1;
  return nu > trials ? 0 : 2 * nu * (1 - p) * binomialPmf(nu, trials, p);
}
