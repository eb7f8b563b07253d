/**
 * Reads that the caller knows cannot miss: an index inside the list, a key the map was
 * built with. With `noUncheckedIndexedAccess`, `list[i]` is `T | undefined`; a cast
 * (`list[i] as number`) would carry a bug's undefined on as a number (NaN in a sum, a
 * write past a typed array's end silently dropped). These throw at the read instead,
 * naming what was looked up. Not for hot loops: there the cast stays, measured.
 */

/**
 * A read that cannot miss did: a bug in pos-sim, never the user's input. Not a
 * RangeError, which callers turn into an error about the file being read.
 */
export class MissingElementError extends Error {
  override name = 'MissingElementError';
}

/**
 * The element at `index`.
 * @throws MissingElementError when `index` is not an integer in [0, list.length)
 * @example elementAt([5, 7], 1, 'bin') // 7
 */
export function elementAt<T>(list: ArrayLike<T>, index: number, what: string): T {
  if (!Number.isInteger(index) || index < 0 || index >= list.length) {
    throw new MissingElementError(`elementAt: no ${what} at index ${index} (length ${list.length})`);
  }
  return list[index] as T;
}

/**
 * The value stored under `key`.
 * @throws MissingElementError when the map has no such key
 * @example valueAt(new Map([['a', 1]]), 'a', 'stake') // 1
 */
export function valueAt<K, V>(map: ReadonlyMap<K, V>, key: K, what: string): V {
  if (!map.has(key)) throw new MissingElementError(`valueAt: no ${what} for ${String(key)}`);
  return map.get(key) as V;
}
