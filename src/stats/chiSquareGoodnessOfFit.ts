import { chiSquareDistributedResult, type GoodnessOfFitResult } from './goodnessOfFitResult.js';
import { poolSmallExpected, type GoodnessOfFitOptions } from './poolSmallExpected.js';

/**
 * Pearson's [chi-square goodness-of-fit test](https://en.wikipedia.org/wiki/Pearson%27s_chi-squared_test):
 * X² = Σ (O - E)² / E over the bins, with bins - 1 degrees of freedom.
 *
 * Before testing, expected counts are rescaled to the observed total (they
 * must already agree within a relative 1e-8), and categories with an expected
 * count below `minExpected` are pooled into one bin; a pool still below
 * `minExpected` is merged into the smallest remaining bin. See
 * `poolSmallExpected` for the exact rule.
 *
 * @param observed observed count per category; not modified
 * @param expected expected count per category; not modified
 * @param options `minExpected` (default 5)
 * @returns `{ statistic, degreesOfFreedom, pValue, bins, pooledCategories }`
 * @throws {Error} if the counts are invalid or fewer than 2 bins remain after pooling
 * @example
 * chiSquareGoodnessOfFit([10, 20, 30], [20, 20, 20]);
 * // => { statistic: 10, degreesOfFreedom: 2, pValue: 0.006737946999085467, bins: 3, pooledCategories: 0 }
 */
export function chiSquareGoodnessOfFit(
  observed: readonly number[],
  expected: readonly number[],
  options: GoodnessOfFitOptions = {},
): GoodnessOfFitResult {
  const pooled = poolSmallExpected(observed, expected, options, 'chiSquareGoodnessOfFit');
  let statistic = 0;
  pooled.expected.forEach((e, index) => {
    const difference = (pooled.observed[index] ?? 0) - e;
    statistic += (difference * difference) / e;
  });
  return chiSquareDistributedResult(statistic, pooled);
}
