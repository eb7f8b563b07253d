import { toHoldings, type Holdings } from './holdings.js';

/**
 * [Nakamoto coefficient](https://en.wikipedia.org/wiki/Nakamoto_coefficient):
 * the smallest number of holders whose combined share is STRICTLY GREATER
 * than `threshold`, taking the largest holders first. With the default 0.5
 * that is the fewest validators who together hold a majority; four equal
 * holders need 3, since 2 hold exactly half. Use 1/3 for the BFT
 * liveness threshold. The test is (Σ top k) / total > threshold: for integer
 * amounts the sum is exact and the division correctly rounded, so a share
 * exactly at the threshold (5 of 15 against 1 / 3) rounds to the same double
 * as the threshold and is never counted as above it. All zeros count as equal
 * holders (see `toHoldings`).
 *
 * @param amounts non-negative amounts, one per holder; not modified
 * @param threshold share to exceed, in [0, 1); 0.5 by default
 * @returns the coefficient, an integer in [1, n]
 * @throws {Error} if `amounts` is empty or holds a negative or non-finite
 *   value, or `threshold` is not in [0, 1)
 * @example
 * nakamotoCoefficient([1, 2, 3, 4, 5]); // => 2
 * nakamotoCoefficient([1, 1, 1, 1]); // => 3
 */
export function nakamotoCoefficient(amounts: readonly number[], threshold = 0.5): number {
  return nakamotoCoefficientOfHoldings(toHoldings(amounts, 'nakamotoCoefficient'), threshold);
}

/**
 * `nakamotoCoefficient` of holdings made by `toHoldings` (or `holdingsOfTally`).
 *
 * @param holdings distinct amounts largest first, their holder counts, n and total
 * @param threshold share to exceed, in [0, 1); 0.5 by default
 * @returns the coefficient
 * @throws {Error} if `threshold` is not in [0, 1)
 * @example
 * nakamotoCoefficientOfHoldings({ amounts: [5, 4, 3, 2, 1], holders: [1, 1, 1, 1, 1], n: 5, total: 15 }, 1 / 3); // => 2 (5 of 15 is not above 1/3)
 */
export function nakamotoCoefficientOfHoldings(holdings: Holdings, threshold = 0.5): number {
  if (!(threshold >= 0 && threshold < 1)) {
    throw new Error(`nakamotoCoefficient: threshold must be in [0, 1), got ${threshold}`);
  }
  const { amounts, holders, n, total } = holdings;
  let combined = 0; // held by the `before` holders of larger amounts
  let before = 0;
  for (let r = 0; r < amounts.length; r++) {
    const amount = amounts[r] as number;
    const h = holders[r] as number;
    if ((combined + amount * h) / total > threshold) return before + fewestAbove(combined, amount, h, total, threshold);
    before += h;
    combined += amount * h;
  }
  // Unreachable: the full total exceeds any threshold < 1. Kept for float safety.
  return n;
}

/**
 * Smallest m in [1, holders] with (combined + m·amount) / total > threshold, by
 * bisection on the same comparison a holder-by-holder walk makes.
 */
function fewestAbove(combined: number, amount: number, holders: number, total: number, threshold: number): number {
  let low = 1;
  let high = holders;
  while (low < high) {
    const mid = Math.floor((low + high) / 2);
    if ((combined + mid * amount) / total > threshold) high = mid;
    else low = mid + 1;
  }
  return low;
}
