import { toHoldings, type Holdings } from './holdings.js';

/**
 * [Theil index](https://en.wikipedia.org/wiki/Theil_index) T_T:
 * T = (1/n) Σ (x/μ) ln(x/μ), taking 0 ln 0 = 0. 0 for equal holdings, ln n
 * when one holder has everything; it equals ln n minus the entropy in nats.
 * All zeros give 0 (see `toHoldings`).
 *
 * @param amounts non-negative amounts, one per holder; not modified
 * @returns the index, in [0, ln n]
 * @throws {Error} if `amounts` is empty or holds a negative or non-finite value
 * @example
 * theilIndex([1, 2, 3, 4, 5]); // => 0.11968759358350922
 */
export function theilIndex(amounts: readonly number[]): number {
  return theilIndexOfHoldings(toHoldings(amounts, 'theilIndex'));
}

/**
 * `theilIndex` of holdings already validated by `toHoldings`.
 *
 * @param holdings amounts sorted largest first, with their total
 * @returns the index
 * @example
 * theilIndexOfHoldings({ descending: [1, 0], total: 1 }); // => 0.6931471805599453
 */
export function theilIndexOfHoldings(holdings: Holdings): number {
  const n = holdings.descending.length;
  return Math.max(0, sumOfRatioLogRatio(holdings.descending, holdings.total / n) / n);
}

/** Σ (a/mean)·ln(a/mean) over positive amounts; the loop alone in its function (docs/performance.md). */
function sumOfRatioLogRatio(amounts: readonly number[], mean: number): number {
  let sum = 0;
  for (const amount of amounts) {
    if (amount > 0) {
      const ratio = amount / mean;
      sum += ratio * Math.log(ratio);
    }
  }
  return sum;
}
