import { assertNonNegativeList } from './assertNonNegativeList.js';
import { tallyOf, type Tally } from './tally.js';

/**
 * Amounts held (stake, blocks produced), checked and in the form every concentration
 * metric reads: the distinct amounts largest first with how many hold each (a
 * {@link Tally}), and their holder count and total. Each metric is one pass over the
 * distinct amounts, so blocks won (small integers shared by thousands) cost little;
 * `concentrationSummary` builds the holdings once for all metrics.
 *
 * All-zero amounts (e.g. blocks produced before any round) are read as equal holdings,
 * the limit of every holder having the same tiny amount: Gini and Theil are then 0, HHI
 * is 1/n, entropy is log2 n, and the Nakamoto coefficient and top-k share count holders
 * as equals. They are stored as n holders of 1.
 */
export interface Holdings {
  /** Distinct amounts, strictly decreasing; never all zero. */
  readonly amounts: readonly number[];
  /** holders[i] >= 1 hold amounts[i] each. */
  readonly holders: readonly number[];
  /** Σ holders. */
  readonly n: number;
  /** Σ amounts[i]·holders[i], > 0. */
  readonly total: number;
}

/**
 * Checks and tallies amounts for the concentration metrics.
 *
 * @param amounts non-negative finite amounts, one per holder; not modified
 * @param caller name of the public metric, so the error names it
 * @returns the holdings
 * @throws {Error} if `amounts` is empty or holds a negative or non-finite value
 * @example
 * toHoldings([1, 3, 3], 'gini'); // => { amounts: [3, 1], holders: [2, 1], n: 3, total: 7 }
 * toHoldings([0, 0], 'gini'); // => { amounts: [1], holders: [2], n: 2, total: 2 }
 */
export function toHoldings(amounts: readonly number[], caller: string): Holdings {
  assertNonNegativeList(amounts, caller, 'amounts');
  // tallyOf's output is a tally by construction: not checked again.
  return holdingsOfValidTally(tallyOf(amounts));
}

/**
 * The holdings a tally stands for, after checking it.
 *
 * @param tally distinct amounts largest first with their holder counts (see `tallyOf`)
 * @param caller name of the public function, so the error names it
 * @throws {Error} if the tally is empty, unsorted, or has a count that is not a positive integer
 * @example
 * holdingsOfTally({ amounts: [5, 2], holders: [1, 3] }, 'gini'); // => { amounts: [5, 2], holders: [1, 3], n: 4, total: 11 }
 */
export function holdingsOfTally(tally: Tally, caller: string): Holdings {
  checkTally(tally, caller);
  return holdingsOfValidTally(tally);
}

function holdingsOfValidTally(tally: Tally): Holdings {
  let n = 0;
  let total = 0;
  tally.amounts.forEach((amount, i) => {
    const h = tally.holders[i] as number;
    n += h;
    total += amount * h;
  });
  if (total === 0) return { amounts: [1], holders: [n], n, total: n };
  return { amounts: tally.amounts, holders: tally.holders, n, total };
}

function checkTally(tally: Tally, caller: string): void {
  const { amounts, holders } = tally;
  if (amounts.length === 0 || amounts.length !== holders.length) {
    throw new Error(`${caller}: the tally must be non-empty, one holder count per amount`);
  }
  amounts.forEach((amount, i) => {
    const h = holders[i] as number;
    if (!Number.isFinite(amount) || amount < 0 || (i > 0 && !(amount < (amounts[i - 1] as number)))) {
      throw new Error(`${caller}: amounts must be finite, >= 0 and strictly decreasing; amounts[${i}] = ${amount}`);
    }
    if (!Number.isInteger(h) || h < 1) {
      throw new Error(`${caller}: holders[${i}] must be a positive integer, got ${h}`);
    }
  });
}
