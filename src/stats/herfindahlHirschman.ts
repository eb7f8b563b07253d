import { toHoldings, type Holdings } from './holdings.js';

/**
 * [Herfindahl–Hirschman index](https://en.wikipedia.org/wiki/Herfindahl%E2%80%93Hirschman_index):
 * the sum of squared shares, as a fraction in [1/n, 1] (multiply by 10 000
 * for the antitrust convention). 1/n means equal holdings, 1 a single holder.
 * All zeros give 1/n (see `toHoldings`).
 *
 * @param amounts non-negative amounts, one per holder; not modified
 * @returns the index, in [1/n, 1]
 * @throws {Error} if `amounts` is empty or holds a negative or non-finite value
 * @example
 * herfindahlHirschman([1, 2, 3, 4, 5]); // => 0.24444444444444446
 */
export function herfindahlHirschman(amounts: readonly number[]): number {
  return herfindahlHirschmanOfHoldings(toHoldings(amounts, 'herfindahlHirschman'));
}

/**
 * `herfindahlHirschman` of holdings made by `toHoldings` (or `holdingsOfTally`).
 *
 * @param holdings distinct amounts largest first, their holder counts, n and total
 * @returns the index
 * @example
 * herfindahlHirschmanOfHoldings({ amounts: [1], holders: [4], n: 4, total: 4 }); // => 0.25
 */
export function herfindahlHirschmanOfHoldings(holdings: Holdings): number {
  const { amounts, holders, total } = holdings;
  let sumOfSquares = 0;
  for (let r = 0; r < amounts.length; r++) {
    const share = (amounts[r] as number) / total;
    sumOfSquares += (holders[r] as number) * share * share;
  }
  return sumOfSquares;
}
