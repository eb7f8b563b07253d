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
 * `herfindahlHirschman` of holdings already validated by `toHoldings`.
 *
 * @param holdings amounts sorted largest first, with their total
 * @returns the index
 * @example
 * herfindahlHirschmanOfHoldings({ descending: [1, 1, 1, 1], total: 4 }); // => 0.25
 */
export function herfindahlHirschmanOfHoldings(holdings: Holdings): number {
  let sumOfSquares = 0;
  for (const amount of holdings.descending) {
    const share = amount / holdings.total;
    sumOfSquares += share * share;
  }
  return sumOfSquares;
}
