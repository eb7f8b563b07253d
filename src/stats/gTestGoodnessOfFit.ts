import { chiSquareDistributedResult, type GoodnessOfFitResult } from './goodnessOfFitResult.js';
import { poolSmallExpected, type GoodnessOfFitOptions } from './poolSmallExpected.js';

/**
 * The [G-test](https://en.wikipedia.org/wiki/G-test) of goodness of fit (the
 * log-likelihood-ratio test): G = 2 Σ O ln(O / E), taking 0 ln 0 = 0, compared
 * with a chi-square distribution with bins - 1 degrees of freedom.
 *
 * Counts are checked, rescaled and pooled exactly as in
 * `chiSquareGoodnessOfFit`. Since the totals agree, G >= 0 in exact
 * arithmetic; when O equals E, rounding can leave G a hair below 0, and it is
 * then reported as 0.
 *
 * @param observed observed count per category; not modified
 * @param expected expected count per category; not modified
 * @param options `minExpected` (default 5)
 * @returns `{ statistic, degreesOfFreedom, pValue, bins, pooledCategories }`
 * @throws {Error} if the counts are invalid or fewer than 2 bins remain after pooling
 * @example
 * gTestGoodnessOfFit([10, 20, 30], [20, 20, 20]).pValue; // => 0.005340257332066883
 */
export function gTestGoodnessOfFit(
  observed: readonly number[],
  expected: readonly number[],
  options: GoodnessOfFitOptions = {},
): GoodnessOfFitResult {
  const pooled = poolSmallExpected(observed, expected, options, 'gTestGoodnessOfFit');
  let halfG = 0;
  pooled.expected.forEach((e, index) => {
    const o = pooled.observed[index] ?? 0;
    if (o > 0) {
      halfG += o * Math.log(o / e);
    }
  });
  return chiSquareDistributedResult(Math.max(0, 2 * halfG), pooled);
}
