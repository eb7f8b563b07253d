import normalQuantile from '@stdlib/stats-base-dists-normal-quantile';

/** A two-sided interval for a proportion, both ends in [0, 1]. */
export interface ProportionInterval {
  readonly lower: number;
  readonly upper: number;
}

/**
 * The [Wilson score interval](https://en.wikipedia.org/wiki/Binomial_proportion_confidence_interval#Wilson_score_interval)
 * for a success probability, given `successes` out of `trials`. Unlike the
 * normal (Wald) interval it stays inside [0, 1] and does not collapse to a
 * point at 0 or `trials` successes. With z the two-sided normal quantile and
 * p̂ = successes / trials:
 *
 *   centre = (p̂ + z²/2n) / (1 + z²/n)
 *   half   = z / (1 + z²/n) · sqrt(p̂(1 - p̂)/n + z²/4n²)
 *
 * The ends are clamped to [0, 1], and are exactly 0 at 0 successes and exactly
 * 1 at `trials` successes (where the formula gives them but rounding may not).
 *
 * @param successes number of successes, an integer in [0, trials]
 * @param trials number of trials, a positive integer
 * @param confidence coverage of the interval, in (0, 1); 0.95 by default
 * @returns the interval `{ lower, upper }`
 * @throws {Error} if `trials` is not a positive integer, `successes` is not an
 *   integer in [0, trials], or `confidence` is not in (0, 1)
 * @example
 * wilsonInterval(8, 10); // => { lower: 0.4901624715366418, upper: 0.9433178485456248 }
 */
export function wilsonInterval(successes: number, trials: number, confidence = 0.95): ProportionInterval {
  if (!Number.isInteger(trials) || trials < 1) {
    throw new Error(`wilsonInterval: trials must be a positive integer, got ${trials}`);
  }
  if (!Number.isInteger(successes) || successes < 0 || successes > trials) {
    throw new Error(`wilsonInterval: successes must be an integer in [0, ${trials}], got ${successes}`);
  }
  if (!(confidence > 0 && confidence < 1)) {
    throw new Error(`wilsonInterval: confidence must be in (0, 1), got ${confidence}`);
  }
  const z = normalQuantile(1 - (1 - confidence) / 2, 0, 1);
  const n = trials;
  const pHat = successes / n;
  const z2 = z * z;
  const denominator = 1 + z2 / n;
  const centre = (pHat + z2 / (2 * n)) / denominator;
  const half = (z / denominator) * Math.sqrt((pHat * (1 - pHat)) / n + z2 / (4 * n * n));
  return {
    lower: successes === 0 ? 0 : Math.max(0, centre - half),
    upper: successes === trials ? 1 : Math.min(1, centre + half),
  };
}
