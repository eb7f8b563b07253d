import tQuantile from '@stdlib/stats-base-dists-t-quantile';
import { mean, sampleStandardDeviation } from 'simple-statistics';

/** A sample mean with its two-sided Student-t confidence interval. */
export interface MeanInterval {
  readonly mean: number;
  /** Sample standard deviation (n - 1 in the denominator). */
  readonly standardDeviation: number;
  readonly lower: number;
  readonly upper: number;
}

/**
 * The mean of independent observations and its Student-t interval:
 * mean ± t(1 - (1 - confidence)/2, n - 1) · s / sqrt(n).
 *
 * @param values at least 2 finite numbers
 * @param confidence coverage in (0, 1); 0.95 by default
 * @throws {Error} if fewer than 2 values, a value is not finite, or confidence is not in (0, 1)
 * @example
 * meanConfidenceInterval([0.1, 0.25, 0.2, 0.4, 0.3]);
 * // => { mean: 0.25, standardDeviation: 0.1118..., lower: 0.11117..., upper: 0.38882... }
 */
export function meanConfidenceInterval(values: readonly number[], confidence = 0.95): MeanInterval {
  if (values.length < 2) throw new Error(`meanConfidenceInterval: needs at least 2 values, got ${values.length}`);
  if (!values.every(Number.isFinite)) throw new Error('meanConfidenceInterval: every value must be finite');
  if (!(confidence > 0 && confidence < 1)) {
    throw new Error(`meanConfidenceInterval: confidence must be in (0, 1), got ${confidence}`);
  }
  const m = mean(values as number[]);
  const sd = sampleStandardDeviation(values as number[]);
  const half = tQuantile(1 - (1 - confidence) / 2, values.length - 1) * (sd / Math.sqrt(values.length));
  return { mean: m, standardDeviation: sd, lower: m - half, upper: m + half };
}
