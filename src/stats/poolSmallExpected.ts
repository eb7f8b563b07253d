import { sum } from 'simple-statistics';
import { assertNonNegativeList } from './assertNonNegativeList.js';

/** Options shared by the goodness-of-fit tests. */
export interface GoodnessOfFitOptions {
  /** Categories whose expected count is below this are pooled; > 0, default 5. */
  readonly minExpected?: number;
}

/** Observed and expected counts per bin after pooling small categories. */
export interface PooledBins {
  readonly observed: readonly number[];
  readonly expected: readonly number[];
  /** How many input categories went into the pool (0 when nothing was pooled). */
  readonly pooledCategories: number;
}

/** Relative gap allowed between the observed and the expected totals. */
const TOTALS_RELATIVE_TOLERANCE = 1e-8;

/**
 * Prepares counts for a goodness-of-fit test, in three steps:
 *
 * 1. Check: same length >= 2, every count finite and >= 0, observed total > 0,
 *    and the expected total within a relative 1e-8 of the observed total
 *    (scipy.stats.chisquare allows sqrt(eps), about 1.5e-8).
 * 2. Rescale the expected counts so that their total equals the observed total
 *    exactly, which removes the float error left by computing them as
 *    total · share.
 * 3. Pool every category whose (rescaled) expected count is below
 *    `minExpected` into one bin. If that pool is itself still below
 *    `minExpected`, it is merged into the remaining bin with the smallest
 *    expected count (the first such bin on a tie). Every resulting bin thus
 *    has an expected count >= `minExpected` > 0.
 *
 * @param observed observed count per category; not modified
 * @param expected expected count per category under the null hypothesis; not modified
 * @param options `minExpected` (default 5)
 * @param caller name of the public test, so errors name it
 * @returns the bins (unpooled categories in input order, then the pool if it
 *   stands alone) and how many categories were pooled
 * @throws {Error} if a check in step 1 fails, `minExpected` is not a finite
 *   number > 0, or fewer than 2 bins remain after pooling
 * @example
 * poolSmallExpected([10, 2, 1, 17], [9, 3, 3, 15], {}, 'chiSquareGoodnessOfFit');
 * // => { observed: [10, 17, 3], expected: [9, 15, 6], pooledCategories: 2 }
 */
export function poolSmallExpected(
  observed: readonly number[],
  expected: readonly number[],
  options: GoodnessOfFitOptions,
  caller: string,
): PooledBins {
  const minExpected = options.minExpected ?? 5;
  if (!(Number.isFinite(minExpected) && minExpected > 0)) {
    throw new Error(`${caller}: minExpected must be a finite number > 0, got ${minExpected}`);
  }
  assertNonNegativeList(observed, caller, 'observed');
  assertNonNegativeList(expected, caller, 'expected');
  if (observed.length !== expected.length || observed.length < 2) {
    throw new Error(
      `${caller}: observed and expected must have the same length >= 2, got ${observed.length} and ${expected.length}`,
    );
  }
  const observedTotal = sum(observed as number[]);
  const expectedTotal = sum(expected as number[]);
  if (observedTotal === 0) {
    throw new Error(`${caller}: observed total must be > 0`);
  }
  if (Math.abs(expectedTotal - observedTotal) > TOTALS_RELATIVE_TOLERANCE * observedTotal) {
    throw new Error(
      `${caller}: expected total must equal observed total within a relative 1e-8, got ${expectedTotal} and ${observedTotal}`,
    );
  }
  const scale = observedTotal / expectedTotal;

  const keptObserved: number[] = [];
  const keptExpected: number[] = [];
  let poolObserved = 0;
  let poolExpected = 0;
  let pooledCategories = 0;
  expected.forEach((e, index) => {
    const o = observed[index] ?? 0;
    if (e * scale < minExpected) {
      poolObserved += o;
      poolExpected += e * scale;
      pooledCategories += 1;
    } else {
      keptObserved.push(o);
      keptExpected.push(e * scale);
    }
  });

  if (pooledCategories > 0) {
    if (poolExpected >= minExpected) {
      keptObserved.push(poolObserved);
      keptExpected.push(poolExpected);
    } else if (keptExpected.length > 0) {
      const smallest = keptExpected.indexOf(Math.min(...keptExpected));
      keptObserved[smallest] = (keptObserved[smallest] ?? 0) + poolObserved;
      keptExpected[smallest] = (keptExpected[smallest] ?? 0) + poolExpected;
    }
  }
  if (keptExpected.length < 2) {
    throw new Error(
      `${caller}: fewer than 2 bins have an expected count >= minExpected (${minExpected}) after pooling; collect more rounds or lower minExpected`,
    );
  }
  return { observed: keptObserved, expected: keptExpected, pooledCategories };
}
