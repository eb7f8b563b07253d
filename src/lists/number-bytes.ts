import { NumberSlots } from './number-texts.js';

/** Bytes of a slot: `String(x)` of a double is at most 25 characters ("-0.000001" and 17 more digits). */
const SLOT_BYTES = 32;

/**
 * `String(x)` of numbers as ASCII bytes, the recent ones kept: {@link NumberTexts}'
 * direct-mapped cache (a new number takes its slot), holding each text as bytes in one
 * block. Copying a kept text's bytes skips reading a string character by character:
 * validators.csv writes some ten non-integers a row, nearly all of them repeats.
 */
export class NumberBytes {
  private readonly slots: NumberSlots;
  private readonly numbers: Float64Array;
  private readonly lengths: Uint8Array;
  private readonly texts: Uint8Array;

  /** @param slotBits the cache holds 2^slotBits numbers (1 to 20) */
  constructor(slotBits: number) {
    this.slots = new NumberSlots(slotBits, 20, 'NumberBytes');
    // NaN in every slot: no number equals it, so an empty slot never matches.
    this.numbers = new Float64Array(this.slots.count).fill(Number.NaN);
    this.lengths = new Uint8Array(this.slots.count);
    this.texts = new Uint8Array(SLOT_BYTES * this.slots.count);
  }

  /** Writes `String(x)` into `out` at `at` (room for 32 bytes needed); returns where it ends. */
  write(x: number, out: Uint8Array, at: number): number {
    const slot = this.slots.slotOf(x);
    if (this.numbers[slot] !== x) this.keep(slot, x);
    const texts = this.texts;
    const from = slot * SLOT_BYTES;
    const length = this.lengths[slot] as number;
    for (let i = 0; i < length; i++) out[at + i] = texts[from + i] as number;
    return at + length;
  }

  private keep(slot: number, x: number): void {
    const text = String(x);
    if (text.length > SLOT_BYTES) throw new Error(`NumberBytes: String(${text}) is longer than ${SLOT_BYTES} characters`);
    const from = slot * SLOT_BYTES;
    for (let i = 0; i < text.length; i++) this.texts[from + i] = text.charCodeAt(i);
    this.lengths[slot] = text.length;
    this.numbers[slot] = x;
  }
}
