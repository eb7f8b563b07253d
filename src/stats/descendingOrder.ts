import { ascendingOrder } from './ascendingOrder.js';

/**
 * The indices of `values` in descending order of value, ties in index order: what a
 * stable sort of the indices by `values[b] - values[a]` gives, in O(n) (see
 * {@link ascendingOrder}, which it reads backwards a run of equal values at a time,
 * each run kept in index order).
 *
 * @param values finite or infinite numbers, any sign; not modified
 * @returns a new array of the indices 0..n-1
 * @throws {Error} if a value is NaN
 * @example
 * descendingOrder([1, 3, 2, 3]); // => Uint32Array [1, 3, 2, 0]
 */
export function descendingOrder(values: ArrayLike<number>): Uint32Array {
  const ascending = ascendingOrder(values);
  const descending = new Uint32Array(ascending.length);
  copyRunsBackwards(values, ascending, descending);
  return descending;
}

function copyRunsBackwards(values: ArrayLike<number>, ascending: Uint32Array, out: Uint32Array): void {
  let written = 0;
  let end = ascending.length;
  while (end > 0) {
    const value = values[ascending[end - 1] as number] as number;
    let start = end - 1;
    while (start > 0 && values[ascending[start - 1] as number] === value) start--;
    for (let k = start; k < end; k++) out[written++] = ascending[k] as number;
    end = start;
  }
}
