import binomialQuantile from '@stdlib/stats-base-dists-binomial-quantile';

/** A central interval of a binomial count, as counts and as shares of the trials. */
export interface BinomialCountInterval {
  readonly lowerCount: number;
  readonly upperCount: number;
  /** lowerCount / trials */
  readonly lower: number;
  /** upperCount / trials */
  readonly upper: number;
}

/**
 * Central interval of a Binomial(trials, p) count, as scipy's
 * `binom.interval` defines it: from the quantile at (1 - confidence)/2 to the
 * quantile at (1 + confidence)/2, each quantile being the smallest count whose
 * CDF reaches the level. Being discrete, it covers at least `confidence`.
 * Divided by `trials` it says which win shares chance allows a validator
 * whose fair share is p, e.g. whether a whale's observed share is plausible.
 *
 * @param expectedShareP the fair per-round win probability p, in [0, 1]
 * @param trials number of rounds, a positive integer
 * @param confidence coverage of the interval, in (0, 1); 0.95 by default
 * @returns `{ lowerCount, upperCount, lower, upper }`
 * @throws {Error} if an argument is out of range
 * @example
 * binomialInterval(0.3, 100); // => { lowerCount: 21, upperCount: 39, lower: 0.21, upper: 0.39 }
 */
export function binomialInterval(expectedShareP: number, trials: number, confidence = 0.95): BinomialCountInterval {
  if (!(expectedShareP >= 0 && expectedShareP <= 1)) {
    throw new Error(`binomialInterval: expectedShareP must be in [0, 1], got ${expectedShareP}`);
  }
  if (!Number.isSafeInteger(trials) || trials < 1) {
    throw new Error(`binomialInterval: trials must be a positive integer, got ${trials}`);
  }
  if (!(confidence > 0 && confidence < 1)) {
    throw new Error(`binomialInterval: confidence must be in (0, 1), got ${confidence}`);
  }
  const lowerCount = binomialQuantile((1 - confidence) / 2, trials, expectedShareP);
  const upperCount = binomialQuantile((1 + confidence) / 2, trials, expectedShareP);
  return { lowerCount, upperCount, lower: lowerCount / trials, upper: upperCount / trials };
}
