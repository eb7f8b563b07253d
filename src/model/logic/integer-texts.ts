/** Slots of {@link IntegerTexts}: a power of two. */
const SLOTS = 1 << 12;

/**
 * `String(value)` of integers, the recent ones kept: each validator's balance text is
 * kept to the end of the run, and a million validators' balances are a few thousand
 * distinct values (the million bench workload's are 1,180), so sharing the strings
 * saves a string per validator. Direct-mapped by value; a slot holds the last value
 * that hashed to it.
 */
export class IntegerTexts {
  private readonly values = new Float64Array(SLOTS).fill(Number.NaN);
  private readonly texts = new Array<string>(SLOTS).fill('');

  /** `String(value)`, for an integer `value` (any other number is made anew every time). */
  of(value: number): string {
    if (!Number.isInteger(value)) return String(value);
    const slot = Math.abs(value) % SLOTS;
    if (this.values[slot] === value) return this.texts[slot] as string;
    const text = String(value);
    this.values[slot] = value;
    this.texts[slot] = text;
    return text;
  }
}
