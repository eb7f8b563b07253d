import normalCdf from '@stdlib/stats-base-dists-normal-cdf';

/**
 * Two-sided p-value of a standard-normal test statistic: P(|Z| >= |z|) =
 * 2 Φ(-|z|). Computed from the lower tail Φ(-|z|) (erfc inside the
 * library), so tiny p-values keep their relative precision instead of being
 * lost in `1 - Φ(|z|)`.
 *
 * @param z the test statistic; ±Infinity gives 0
 * @returns the p-value, in [0, 1]
 * @throws {Error} if `z` is NaN
 * @example
 * twoSidedNormalPValue(1.96); // => 0.04999579029644087
 */
export function twoSidedNormalPValue(z: number): number {
  if (Number.isNaN(z)) {
    throw new Error('twoSidedNormalPValue: z must be a number, got NaN');
  }
  return 2 * normalCdf(-Math.abs(z), 0, 1);
}
