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
 * `theilIndex` of holdings made by `toHoldings` (or `holdingsOfTally`).
 *
 * @param holdings distinct amounts largest first, their holder counts, n and total
 * @returns the index
 * @example
 * theilIndexOfHoldings({ amounts: [1, 0], holders: [1, 1], n: 2, total: 1 }); // => 0.6931471805599453
 */
export function theilIndexOfHoldings(holdings: Holdings): number {
  const { amounts, holders, n, total } = holdings;
  const mean = total / n;
  let sum = 0;
  for (let r = 0; r < amounts.length; r++) {
    const amount = amounts[r] as number;
    if (amount > 0) {
      const ratio = amount / mean;
      sum += (holders[r] as number) * ratio * Math.log(ratio);
    }
  }
  return Math.max(0, sum / n);
}
