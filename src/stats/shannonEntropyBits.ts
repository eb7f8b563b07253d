import { toHoldings, type Holdings } from './holdings.js';

/**
 * [Shannon entropy](https://en.wikipedia.org/wiki/Entropy_(information_theory))
 * of the shares, in bits: H = -Σ s log2 s, taking 0 log 0 = 0. 0 for a single
 * holder, log2 n for n equal holders; 2^H is the "effective number" of
 * holders. All zeros give log2 n (see `toHoldings`).
 *
 * @param amounts non-negative amounts, one per holder; not modified
 * @returns the entropy in bits, in [0, log2 n]
 * @throws {Error} if `amounts` is empty or holds a negative or non-finite value
 * @example
 * shannonEntropyBits([1, 2, 3, 4, 5]); // => 2.1492553971685
 */
export function shannonEntropyBits(amounts: readonly number[]): number {
  return shannonEntropyBitsOfHoldings(toHoldings(amounts, 'shannonEntropyBits'));
}

/**
 * `shannonEntropyBits` of holdings made by `toHoldings` (or `holdingsOfTally`).
 *
 * @param holdings distinct amounts largest first, their holder counts, n and total
 * @returns the entropy in bits
 * @example
 * shannonEntropyBitsOfHoldings({ amounts: [1], holders: [4], n: 4, total: 4 }); // => 2
 */
export function shannonEntropyBitsOfHoldings(holdings: Holdings): number {
  const { amounts, holders, total } = holdings;
  let entropy = 0;
  for (let r = 0; r < amounts.length; r++) {
    const amount = amounts[r] as number;
    if (amount > 0) {
      const share = amount / total;
      entropy -= (holders[r] as number) * share * Math.log2(share);
    }
  }
  return Math.max(0, entropy);
}
