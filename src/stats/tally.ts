/**
 * Amounts held, as the distinct amounts largest first and how many holders hold each:
 * the run-length form of sorted holdings. Concentration metrics over a tally cost
 * O(distinct amounts), which is what makes sampling blocks won (small integers shared
 * by thousands of validators) cheap.
 */
export interface Tally {
  /** Distinct amounts, strictly decreasing, all finite and >= 0. */
  readonly amounts: readonly number[];
  /** holders[i] >= 1 hold amounts[i] each. */
  readonly holders: readonly number[];
}

/**
 * The tally of a list of amounts.
 *
 * @param amounts non-negative finite amounts, one per holder; not modified
 * @throws {Error} if `amounts` is empty or holds a negative or non-finite value
 * @example
 * tallyOf([2, 0, 2, 5]); // => { amounts: [5, 2, 0], holders: [1, 2, 1] }
 */
export function tallyOf(amounts: ArrayLike<number>): Tally {
  if (amounts.length === 0) throw new Error('tallyOf: amounts must not be empty');
  const sorted = Float64Array.from(amounts).sort();
  const distinct: number[] = [];
  const holders: number[] = [];
  for (let i = sorted.length - 1; i >= 0; i--) {
    const amount = sorted[i] as number;
    if (!Number.isFinite(amount) || amount < 0) {
      throw new Error(`tallyOf: amounts must be finite numbers >= 0, got ${amount}`);
    }
    if (distinct.length > 0 && distinct[distinct.length - 1] === amount) {
      holders[holders.length - 1] = (holders[holders.length - 1] as number) + 1;
    } else {
      distinct.push(amount);
      holders.push(1);
    }
  }
  return { amounts: distinct, holders };
}
