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
 * `shannonEntropyBits` of holdings already validated by `toHoldings`.
 *
 * @param holdings amounts sorted largest first, with their total
 * @returns the entropy in bits
 * @example
 * shannonEntropyBitsOfHoldings({ descending: [1, 1, 1, 1], total: 4 }); // => 2
 */
export function shannonEntropyBitsOfHoldings(holdings: Holdings): number {
  return Math.max(0, entropyOfShares(holdings.descending, holdings.total));
}

/** −Σ s·log2 s over the positive shares s = a/total; the loop alone in its function (docs/performance.md). */
function entropyOfShares(amounts: readonly number[], total: number): number {
  let entropy = 0;
  for (const amount of amounts) {
    if (amount > 0) {
      const share = amount / total;
      entropy -= share * Math.log2(share);
    }
  }
  return entropy;
}
