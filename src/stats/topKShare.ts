import { toHoldings, type Holdings } from './holdings.js';

/**
 * Combined share of the `k` largest holders. When `k` >= the number of
 * holders the share is 1. All zeros count as equal holders (see `toHoldings`).
 *
 * @param amounts non-negative amounts, one per holder; not modified
 * @param k how many of the largest holders, a positive integer
 * @returns the share, in (0, 1]
 * @throws {Error} if `amounts` is empty or holds a negative or non-finite
 *   value, or `k` is not a positive integer
 * @example
 * topKShare([1, 2, 3, 4, 5], 2); // => 0.6
 */
export function topKShare(amounts: readonly number[], k: number): number {
  return topKShareOfHoldings(toHoldings(amounts, 'topKShare'), k);
}

/**
 * `topKShare` of holdings made by `toHoldings` (or `holdingsOfTally`).
 *
 * @param holdings distinct amounts largest first, their holder counts, n and total
 * @param k how many of the largest holders, a positive integer
 * @returns the share
 * @throws {Error} if `k` is not a positive integer
 * @example
 * topKShareOfHoldings({ amounts: [5, 4, 3, 2, 1], holders: [1, 1, 1, 1, 1], n: 5, total: 15 }, 1); // => 0.3333333333333333
 */
export function topKShareOfHoldings(holdings: Holdings, k: number): number {
  if (!Number.isInteger(k) || k < 1) {
    throw new Error(`topKShare: k must be a positive integer, got ${k}`);
  }
  const { amounts, holders, n, total } = holdings;
  if (k >= n) return 1;
  let combined = 0;
  let before = 0; // holders of larger amounts
  for (let r = 0; r < amounts.length && before < k; r++) {
    const h = holders[r] as number;
    combined += (amounts[r] as number) * Math.min(h, k - before);
    before += h;
  }
  return combined / total;
}
