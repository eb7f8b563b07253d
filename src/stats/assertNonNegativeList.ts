/**
 * Checks that a list is non-empty and holds only finite numbers >= 0, the
 * precondition shared by the count-, weight- and amount-based functions here.
 *
 * @param values the list to check
 * @param caller name of the public function, so the error names it
 * @param what what the list is, as the caller's parameter is called
 * @throws {Error} if `values` is empty or an element is negative, NaN or infinite
 * @example
 * assertNonNegativeList([1, 0, 2], 'gini', 'amounts'); // => undefined
 * assertNonNegativeList([], 'gini', 'amounts'); // throws "gini: amounts must not be empty"
 */
export function assertNonNegativeList(values: ArrayLike<number>, caller: string, what: string): void {
  if (values.length === 0) {
    throw new Error(`${caller}: ${what} must not be empty`);
  }
  // A loop, not forEach: a callback's argument is a boxed number per entry (61 MB at a million validators).
  for (let index = 0; index < values.length; index++) {
    const value = values[index] as number;
    if (!Number.isFinite(value) || value < 0) {
      throw new Error(`${caller}: ${what}[${index}] must be a finite number >= 0, got ${value}`);
    }
  }
}
