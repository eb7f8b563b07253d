/**
 * Reads and updates of the model's per-connection (and per-slot) typed-array columns
 * by an index the caller knows to be in range. A typed array reads a wrong index as
 * undefined, which arithmetic turns into NaN, and drops a write to it silently; these
 * throw instead, naming the index (through the project's one checked read,
 * {@link elementAt}). The hot loops (a run of lines, a pool's members) index columns
 * directly: a check per line was not worth its cost there.
 */
import { elementAt } from '../lists/element-at.js';

type Column = Float64Array | Int32Array | Uint8Array;

/** `column[index]`, which must exist. */
export function at(column: Column, index: number): number {
  return elementAt(column, index, 'model column entry');
}

/** `column[index] += amount`, at an index that must exist. */
export function addAt(column: Float64Array, index: number, amount: number): void {
  column[index] = at(column, index) + amount;
}
