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
 * `topKShare` of holdings already validated and sorted by `toHoldings`.
 *
 * @param holdings amounts sorted largest first, with their total
 * @param k how many of the largest holders, a positive integer
 * @returns the share
 * @throws {Error} if `k` is not a positive integer
 * @example
 * topKShareOfHoldings({ descending: [5, 4, 3, 2, 1], total: 15 }, 1); // => 0.3333333333333333
 */
export function topKShareOfHoldings(holdings: Holdings, k: number): number {
  if (!Number.isInteger(k) || k < 1) {
    throw new Error(`topKShare: k must be a positive integer, got ${k}`);
  }
  if (k >= holdings.descending.length) {
    return 1;
  }
  let combined = 0;
  for (const amount of holdings.descending.slice(0, k)) {
    combined += amount;
  }
  return combined / holdings.total;
}
