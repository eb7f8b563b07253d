import { toHoldings, type Holdings } from './holdings.js';

/**
 * [Gini coefficient](https://en.wikipedia.org/wiki/Gini_coefficient) in its
 * mean-absolute-difference form, G = Σ_i Σ_j |x_i - x_j| / (2 n² μ): 0 when
 * all hold the same, (n - 1)/n when one holder has everything. Computed in
 * O(n log n) from the sorted amounts: with x_(1) <= ... <= x_(n),
 * G = Σ_i (2i - n - 1) x_(i) / (n Σx). All zeros give 0 (see `toHoldings`).
 *
 * @param amounts non-negative amounts, one per holder; not modified
 * @returns the Gini coefficient, in [0, 1)
 * @throws {Error} if `amounts` is empty or holds a negative or non-finite value
 * @example
 * gini([1, 2, 3, 4, 5]); // => 0.26666666666666666
 */
export function gini(amounts: readonly number[]): number {
  return giniOfHoldings(toHoldings(amounts, 'gini'));
}

/**
 * `gini` of holdings already validated and sorted by `toHoldings`.
 *
 * @param holdings amounts sorted largest first, with their total
 * @returns the Gini coefficient
 * @example
 * giniOfHoldings({ descending: [5, 4, 3, 2, 1], total: 15 }); // => 0.26666666666666666
 */
export function giniOfHoldings(holdings: Holdings): number {
  const n = holdings.descending.length;
  let weighted = 0;
  // Largest first, the i-th (1-based) amount has weight n + 1 - 2i.
  holdings.descending.forEach((amount, index) => {
    weighted += (n - 1 - 2 * index) * amount;
  });
  return Math.max(0, weighted / (n * holdings.total));
}
