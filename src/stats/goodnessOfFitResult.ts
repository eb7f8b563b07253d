import { chiSquarePValue } from './chiSquarePValue.js';
import type { PooledBins } from './poolSmallExpected.js';

/** Result of a goodness-of-fit test after pooling small categories. */
export interface GoodnessOfFitResult {
  /** The test statistic (Pearson's X² or the G statistic). */
  readonly statistic: number;
  /** bins - 1 (the expected counts are fully specified, nothing estimated). */
  readonly degreesOfFreedom: number;
  /** Upper-tail chi-square probability of `statistic`. */
  readonly pValue: number;
  /** Number of bins tested, after pooling. */
  readonly bins: number;
  /** Number of input categories pooled because their expected count was small. */
  readonly pooledCategories: number;
}

/**
 * The result of a test whose statistic is chi-square distributed with (bins - 1)
 * degrees of freedom over the pooled bins: shared by the Pearson and G tests.
 */
export function chiSquareDistributedResult(statistic: number, pooled: PooledBins): GoodnessOfFitResult {
  const degreesOfFreedom = pooled.expected.length - 1;
  return {
    statistic,
    degreesOfFreedom,
    pValue: chiSquarePValue(statistic, degreesOfFreedom),
    bins: pooled.expected.length,
    pooledCategories: pooled.pooledCategories,
  };
}
