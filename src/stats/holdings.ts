import { sum } from 'simple-statistics';
import { assertNonNegativeList } from './assertNonNegativeList.js';

/**
 * Amounts held (stake, blocks produced) sorted largest first, with their
 * total: the one precondition every concentration metric needs. Build it with
 * `toHoldings`; `concentrationSummary` builds it once and hands it to every
 * metric, so the amounts are sorted only once.
 */
export interface Holdings {
  /** Amounts, largest first; never all zero (see `toHoldings`). */
  readonly descending: readonly number[];
  /** Σ descending, > 0. */
  readonly total: number;
}

/**
 * Validates and sorts amounts for the concentration metrics.
 *
 * All-zero amounts (e.g. blocks produced before any round) are read as equal
 * holdings, the limit of every holder having the same tiny amount: Gini and
 * Theil are then 0, HHI is 1/n, entropy is log2 n, and the Nakamoto
 * coefficient and top-k share count holders as equals.
 *
 * @param amounts non-negative finite amounts, one per holder; not modified
 * @param caller name of the public metric, so the error names it
 * @returns the holdings, sorted largest first
 * @throws {Error} if `amounts` is empty or holds a negative or non-finite value
 * @example
 * toHoldings([1, 3, 2], 'gini'); // => { descending: [3, 2, 1], total: 6 }
 * toHoldings([0, 0], 'gini'); // => { descending: [1, 1], total: 2 }
 */
export function toHoldings(amounts: readonly number[], caller: string): Holdings {
  assertNonNegativeList(amounts, caller, 'amounts');
  const total = sum(amounts as number[]);
  // A typed-array sort is numeric without a comparator, several times faster than Array#sort.
  const descending = total === 0 ? amounts.map(() => 1) : Array.from(Float64Array.from(amounts).sort().reverse());
  return { descending, total: total === 0 ? amounts.length : total };
}
