import gammainc from '@stdlib/math-base-special-gammainc';

/**
 * Upper-tail probability P(X >= statistic) of a chi-square distribution with
 * `degreesOfFreedom` degrees of freedom. It is the regularised upper
 * incomplete gamma function Q(df/2, statistic/2), taken directly from the
 * library rather than as `1 - cdf`, so p-values far below 1e-16 keep their
 * relative precision.
 *
 * @param statistic the test statistic, >= 0 (+Infinity gives 0)
 * @param degreesOfFreedom a positive integer
 * @returns the p-value, in [0, 1]
 * @throws {Error} if `statistic` is NaN or negative, or `degreesOfFreedom` is
 *   not a positive integer
 * @example
 * chiSquarePValue(10, 2); // => 0.006737946999085467
 */
export function chiSquarePValue(statistic: number, degreesOfFreedom: number): number {
  if (!(statistic >= 0)) {
    throw new Error(`chiSquarePValue: statistic must be >= 0, got ${statistic}`);
  }
  if (!Number.isInteger(degreesOfFreedom) || degreesOfFreedom < 1) {
    throw new Error(`chiSquarePValue: degreesOfFreedom must be a positive integer, got ${degreesOfFreedom}`);
  }
  if (statistic === Infinity) {
    return 0;
  }
  return gammainc(statistic / 2, degreesOfFreedom / 2, true, true);
}
