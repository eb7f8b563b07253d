/**
 * `String(x)` of numbers, the recent ones kept: a direct-mapped cache by a hash of the
 * number's bits (a new number takes its slot). Where numbers repeat, their texts are
 * shared instead of made again: a million validators' balance texts, kept to the end
 * of a run, are a few thousand distinct values (the million bench workload's: 1,180),
 * and validators.csv's 7.0 million non-integers there are 9,417.
 */
export class NumberTexts {
  private readonly numbers: Float64Array;
  private readonly texts: string[];
  private readonly shift: number;
  private readonly bits = new Float64Array(1);
  private readonly words = new Uint32Array(this.bits.buffer);

  /** @param slotBits the cache holds 2^slotBits numbers (1 to 24) */
  constructor(slotBits: number) {
    if (!(Number.isInteger(slotBits) && slotBits >= 1 && slotBits <= 24)) throw new RangeError(`NumberTexts: slotBits must be an integer in [1, 24], got ${slotBits}`);
    // NaN in every slot: no number equals it, so an empty slot never matches.
    this.numbers = new Float64Array(1 << slotBits).fill(Number.NaN);
    this.texts = new Array<string>(1 << slotBits).fill('');
    this.shift = 32 - slotBits;
  }

  /** `String(x)`. */
  of(x: number): string {
    this.bits[0] = x;
    const slot = Math.imul((this.words[0] as number) ^ (this.words[1] as number), 0x9e3779b1) >>> this.shift;
    if (this.numbers[slot] === x) return this.texts[slot] as string;
    const text = String(x);
    this.numbers[slot] = x;
    this.texts[slot] = text;
    return text;
  }
}
