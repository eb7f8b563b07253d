/** The typed arrays the simulation's growable tables are made of. */
type GrowableArray = Float64Array | Int32Array | Uint8Array;

/**
 * A copy of `array` with room for `length` entries (the new ones zero), of the same
 * type: how the engine's and the model's typed-array tables grow.
 */
export function grown<T extends GrowableArray>(array: T, length: number): T {
  const copy = new (array.constructor as new (length: number) => T)(length);
  copy.set(array);
  return copy;
}
