/**
 * Where a number goes in a direct-mapped cache of 2^slotBits slots: a hash of its bits
 * (what {@link NumberTexts} and NumberBytes share).
 */
export class NumberSlots {
  readonly count: number;
  private readonly shift: number;
  private readonly bits = new Float64Array(1);
  private readonly words = new Uint32Array(this.bits.buffer);

  /** @param slotBits 1 to maxBits; `what` names the cache in the error */
  constructor(slotBits: number, maxBits: number, what: string) {
    if (!(Number.isInteger(slotBits) && slotBits >= 1 && slotBits <= maxBits)) throw new RangeError(`${what}: slotBits must be an integer in [1, ${maxBits}], got ${slotBits}`);
    this.count = 1 << slotBits;
    this.shift = 32 - slotBits;
  }

  slotOf(x: number): number {
    this.bits[0] = x;
    return Math.imul((this.words[0] as number) ^ (this.words[1] as number), 0x9e3779b1) >>> this.shift;
  }
}

/**
 * `String(x)` of numbers, the recent ones kept: a direct-mapped cache by a hash of the
 * number's bits (a new number takes its slot). Where numbers repeat, their texts are
 * shared instead of made again: a million validators' balance texts, kept to the end
 * of a run, are a few thousand distinct values (the million bench workload's: 1,180).
 */
export class NumberTexts {
  private readonly slots: NumberSlots;
  private readonly numbers: Float64Array;
  private readonly texts: string[];

  /** @param slotBits the cache holds 2^slotBits numbers (1 to 24) */
  constructor(slotBits: number) {
    this.slots = new NumberSlots(slotBits, 24, 'NumberTexts');
    // NaN in every slot: no number equals it, so an empty slot never matches.
    this.numbers = new Float64Array(this.slots.count).fill(Number.NaN);
    this.texts = new Array<string>(this.slots.count).fill('');
  }

  /** `String(x)`. */
  of(x: number): string {
    const slot = this.slots.slotOf(x);
    if (this.numbers[slot] === x) return this.texts[slot] as string;
    const text = String(x);
    this.numbers[slot] = x;
    this.texts[slot] = text;
    return text;
  }
}
