/**
 * The indices of `values` in ascending order of value, ties in index order: what a
 * stable sort of the indices by `values[a] - values[b]` gives, in O(n) rather than
 * O(n log n) comparisons through a closure. A least-significant-digit radix sort of
 * the values' IEEE 754 bits, made to order as unsigned integers: a number >= 0 gets its
 * sign bit set, a negative one has every bit flipped (-0 is taken as 0, which the
 * comparison treats it as). At a million validators, sorting them by expected wins and
 * their p-values for Holm took about 1 s; this takes about 0.1 s.
 *
 * @param values finite or infinite numbers, any sign; not modified
 * @returns a new array of the indices 0..n-1
 * @throws {Error} if a value is NaN
 * @example
 * ascendingOrder([3, 1, 2, 1]); // => Uint32Array [1, 3, 2, 0]
 */
export function ascendingOrder(values: ArrayLike<number>): Uint32Array {
  const n = values.length;
  const low = new Uint32Array(n);
  const high = new Uint32Array(n);
  splitBits(values, low, high);
  let order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  let spare = new Uint32Array(n);
  const counts = new Uint32Array(1 << DIGIT_BITS);
  for (const [words, shift] of PASSES) {
    if (countDigits(words === 'low' ? low : high, shift, order, counts)) {
      scatter(words === 'low' ? low : high, shift, order, counts, spare);
      [order, spare] = [spare, order];
    }
  }
  return order;
}

/** 11 bits a digit: six passes over the 64 bits, 2,048 counts (small enough for any n). */
const DIGIT_BITS = 11;
const DIGIT_MASK = (1 << DIGIT_BITS) - 1;
const PASSES: ReadonlyArray<readonly ['low' | 'high', number]> = [
  ['low', 0],
  ['low', 11],
  ['low', 22],
  ['high', 0],
  ['high', 11],
  ['high', 22],
];

const bits = new Float64Array(1);
const words = new Uint32Array(bits.buffer);
const SIGN_BIT = 0x80000000;
/** Which word of a double's bits is its high one (the sign and exponent). */
const HIGH_WORD = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? 1 : 0;

function splitBits(values: ArrayLike<number>, low: Uint32Array, high: Uint32Array): void {
  for (let i = 0; i < values.length; i++) {
    const x = values[i] as number;
    if (Number.isNaN(x)) throw new Error(`ascendingOrder: values[${i}] must be a number, got NaN`);
    bits[0] = x === 0 ? 0 : x;
    const lowWord = words[1 - HIGH_WORD] as number;
    const highWord = words[HIGH_WORD] as number;
    low[i] = x < 0 ? ~lowWord >>> 0 : lowWord;
    high[i] = x < 0 ? ~highWord >>> 0 : (highWord | SIGN_BIT) >>> 0;
  }
}

/** Counts of each digit, made cumulative (the first slot of each); false if one digit holds every value (the pass would change nothing). */
function countDigits(keys: Uint32Array, shift: number, order: Uint32Array, counts: Uint32Array): boolean {
  counts.fill(0);
  for (let i = 0; i < order.length; i++) {
    const digit = ((keys[order[i] as number] as number) >>> shift) & DIGIT_MASK;
    counts[digit] = (counts[digit] as number) + 1;
  }
  let start = 0;
  let spread = false;
  for (let d = 0; d < counts.length; d++) {
    const c = counts[d] as number;
    if (c !== 0 && c !== order.length) spread = true;
    counts[d] = start;
    start += c;
  }
  return spread;
}

/** A stable pass: each index to its digit's next slot, in the order given. */
function scatter(keys: Uint32Array, shift: number, order: Uint32Array, counts: Uint32Array, out: Uint32Array): void {
  for (let i = 0; i < order.length; i++) {
    const index = order[i] as number;
    const digit = ((keys[index] as number) >>> shift) & DIGIT_MASK;
    const slot = counts[digit] as number;
    out[slot] = index;
    counts[digit] = slot + 1;
  }
}
