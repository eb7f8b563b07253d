import { ascendingOrder } from './ascendingOrder.js';
import { assertNonNegativeList } from './assertNonNegativeList.js';

/** Bins made by {@link poolByExpectedOrder}. */
export interface OrderedBins {
  readonly observed: number[];
  readonly expected: number[];
  /** Categories in bins of more than one (0 when every category stands alone). */
  readonly pooledCategories: number;
  /** Bins of more than one category. */
  readonly mergedBins: number;
}

/**
 * Bins for a goodness-of-fit test that keep as much as the data allow: the categories
 * sorted by expected count (ties in input order), then neighbours merged, smallest
 * first, until each bin expects at least `minExpected`; a bin still short of it when
 * the next category would fill a bin alone (or when none is left) joins the bin before
 * it, so a category expecting `minExpected` or more stands alone (unless nothing
 * came before it to take the short bin).
 * Unlike pooling every small category into one bin, this keeps a trend with the
 * expected count (with stake, when pools are stable) visible to the test: the bins
 * run from the smallest validators to the largest.
 *
 * @param observed observed count per category; not modified
 * @param expected expected count per category, same length; not modified
 * @param minExpected least expected count of a bin, > 0 (default 5)
 * @returns the bins, smallest expected counts first; one bin if the total expects
 *   less than 2 x minExpected (too few to test)
 * @throws {Error} if the lists differ in length, are empty, or hold a negative or
 *   non-finite value, or `minExpected` is not > 0
 * @example
 * // Sorted expected 1, 2, 2 | 3 | 8: the first three make 5; 3 is short and 8 fills a bin
 * // alone, so 3 joins the first bin.
 * poolByExpectedOrder([1, 0, 3, 9, 2], [2, 1, 3, 8, 2]);
 * // => { observed: [6, 9], expected: [8, 8], pooledCategories: 4, mergedBins: 1 }
 */
export function poolByExpectedOrder(observed: ArrayLike<number>, expected: ArrayLike<number>, minExpected = 5): OrderedBins {
  assertNonNegativeList(observed, 'poolByExpectedOrder', 'observed');
  assertNonNegativeList(expected, 'poolByExpectedOrder', 'expected');
  if (observed.length !== expected.length || observed.length === 0) {
    throw new Error(`poolByExpectedOrder: observed and expected must have the same length >= 1, got ${observed.length} and ${expected.length}`);
  }
  if (!(minExpected > 0 && minExpected < Infinity)) {
    throw new Error(`poolByExpectedOrder: minExpected must be a finite number > 0, got ${minExpected}`);
  }
  const order = ascendingOrder(expected);
  const bins: { observed: number; expected: number; members: number }[] = [];
  let open = { observed: 0, expected: 0, members: 0 };
  for (const i of order) {
    // A category that fills a bin alone stands alone: what is open joins the bin before.
    const last = bins[bins.length - 1];
    if ((expected[i] as number) >= minExpected && open.members > 0 && last !== undefined) {
      last.observed += open.observed;
      last.expected += open.expected;
      last.members += open.members;
      open = { observed: 0, expected: 0, members: 0 };
    }
    open.observed += observed[i] as number;
    open.expected += expected[i] as number;
    open.members++;
    if (open.expected >= minExpected) {
      bins.push(open);
      open = { observed: 0, expected: 0, members: 0 };
    }
  }
  const last = bins[bins.length - 1];
  if (open.members > 0) {
    if (last === undefined) bins.push(open);
    else {
      last.observed += open.observed;
      last.expected += open.expected;
      last.members += open.members;
    }
  }
  const merged = bins.filter((b) => b.members > 1);
  return {
    observed: bins.map((b) => b.observed),
    expected: bins.map((b) => b.expected),
    pooledCategories: merged.reduce((a, b) => a + b.members, 0),
    mergedBins: merged.length,
  };
}
