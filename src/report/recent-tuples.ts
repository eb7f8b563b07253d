import type { TextBytes } from './text-bytes.js';

/**
 * Texts of tuples of numbers, the recent ones kept as bytes: a direct-mapped cache by
 * a hash of the tuple's bits (a new tuple takes its slot), for text that is a function
 * of the tuple alone. validators.csv's rows repeat their figures: at the million bench
 * workload the 1,000,000 rows have 2,093 distinct tails after the balance (validators
 * of one stake and one win count share every figure), and a tail found here is one
 * copy instead of nineteen numbers written.
 *
 * The caller fills {@link key}, calls {@link find}; on a miss writes the text itself
 * and calls {@link keep}. Tuples are found by a hash of their bits and compared with
 * `===`: a tuple holding NaN is never found, and tuples that differ only in the signs
 * of zeros may be taken for one another, which is right only for text that writes 0
 * and -0 alike (`${x}` does: both are "0").
 */
export class RecentTuples {
  /** The tuple to look up: fill it before {@link find}. */
  readonly key: Float64Array;
  private readonly words: Int32Array;
  private readonly tuples: Float64Array;
  /** Per slot, the length of its text; -1 for an empty slot. */
  private readonly lengths: Int32Array;
  private readonly texts: Uint8Array;
  private readonly shift: number;
  /** The slot the last {@link find} looked in. */
  private slot = 0;

  /**
   * @param width numbers per tuple
   * @param slotBits the cache holds 2^slotBits tuples (1 to 20)
   * @param slotBytes the longest text kept (a longer one is written every time)
   */
  constructor(
    private readonly width: number,
    slotBits: number,
    private readonly slotBytes: number,
  ) {
    if (!(Number.isInteger(width) && width >= 1)) throw new RangeError(`RecentTuples: width must be a positive integer, got ${width}`);
    if (!(Number.isInteger(slotBits) && slotBits >= 1 && slotBits <= 20)) throw new RangeError(`RecentTuples: slotBits must be an integer in [1, 20], got ${slotBits}`);
    this.key = new Float64Array(width);
    this.words = new Int32Array(this.key.buffer);
    this.tuples = new Float64Array(width << slotBits);
    this.lengths = new Int32Array(1 << slotBits).fill(-1);
    this.texts = new Uint8Array(slotBytes << slotBits);
    this.shift = 32 - slotBits;
  }

  /** Whether the text of {@link key} is kept; if so, {@link writeFound} writes it. */
  find(): boolean {
    const words = this.words;
    let hash = 0x811c9dc5;
    for (let w = 0; w < words.length; w++) hash = Math.imul(hash ^ (words[w] as number), 0x9e3779b1);
    const slot = (hash ^ (hash >>> 15)) >>> this.shift;
    this.slot = slot;
    if ((this.lengths[slot] as number) < 0) return false;
    const key = this.key;
    const tuples = this.tuples;
    const first = slot * this.width;
    for (let k = 0; k < key.length; k++) if (tuples[first + k] !== key[k]) return false;
    return true;
  }

  /** Writes the text {@link find} found. */
  writeFound(out: TextBytes): void {
    const from = this.slot * this.slotBytes;
    out.bytes(this.texts, from, this.lengths[this.slot] as number);
  }

  /** Keeps what `out` holds from `from` on as the text of {@link key} (after a {@link find} that missed). */
  keep(out: TextBytes, from: number): void {
    const length = out.length - from;
    if (length > this.slotBytes) return;
    const slot = this.slot;
    out.copyWritten(from, this.texts, slot * this.slotBytes);
    this.tuples.set(this.key, slot * this.width);
    this.lengths[slot] = length;
  }
}
