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
 * `gini` of holdings made by `toHoldings` (or `holdingsOfTally`).
 *
 * @param holdings distinct amounts largest first, their holder counts, n and total
 * @returns the Gini coefficient
 * @example
 * giniOfHoldings({ amounts: [5, 4, 3, 2, 1], holders: [1, 1, 1, 1, 1], n: 5, total: 15 }); // => 0.26666666666666666
 */
export function giniOfHoldings(holdings: Holdings): number {
  const { amounts, holders, n, total } = holdings;
  let weighted = 0;
  let before = 0; // holders of larger amounts
  for (let r = 0; r < amounts.length; r++) {
    const h = holders[r] as number;
    // Largest first, the i-th (0-based) holder has weight n - 1 - 2i; summed over the run.
    weighted += (amounts[r] as number) * h * (n - 2 * before - h);
    before += h;
  }
  return Math.max(0, weighted / (n * total));
}
