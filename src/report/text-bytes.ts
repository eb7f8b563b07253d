import { NumberBytes } from '../lists/number-bytes.js';
import type { TextPiece } from '../lists/text-piece.js';
import { decimalLength } from '../model/counting/integers.js';
import { secondsText } from './format.js';

/** Character codes the CSV writers use. */
export const COMMA = 44;
export const NEWLINE = 10;
const MINUS = 45;
const QUOTE = 34;
const CARRIAGE_RETURN = 13;
const DIGIT_ZERO = 48;
/** Digits of the largest safe integer, and its sign. */
const MAX_INTEGER_BYTES = 17;

const utf8 = new TextEncoder();
const HEX_DIGITS = utf8.encode('0123456789abcdef');

/**
 * Recent non-integers written and their text. The rows of validators.csv repeat most of
 * their non-integers (validators of one stake share expected wins, variance and shares,
 * and with the same wins every test figure): at the million bench workload 97.6% were
 * found here, and writing validators.csv went from 3.3 to 2.4 s (CPU profile). 2^14
 * slots: 2^12 found 93%, 2^16 99.4%.
 */
const recentNumbers = new NumberBytes(14);
/** Room {@link NumberBytes.write} needs. */
const MAX_NUMBER_BYTES = 32;

/**
 * Text built as UTF-8 bytes in a growing buffer, field by field. The per-round files
 * (rounds.csv, quirks.csv: a million rows in a long run) are written this way, without
 * a string per row to build, join and encode again: that was about a sixth of a long
 * run. Every method writes exactly the bytes of the string form it names
 * (`${x}`, {@link secondsText}, ...), so the files are the same either way.
 */
export class TextBytes {
  private buffer: Uint8Array;
  private used = 0;

  constructor(initialBytes = 1 << 16) {
    this.buffer = new Uint8Array(initialBytes);
  }

  /** Bytes written since the last {@link clear}. */
  get length(): number {
    return this.used;
  }

  /** The bytes written, as a view that the next write may invalidate. */
  view(): Uint8Array {
    return this.buffer.subarray(0, this.used);
  }

  clear(): void {
    this.used = 0;
  }

  /** Takes back what was written after the first `length` bytes. */
  truncate(length: number): void {
    if (!(length >= 0 && length <= this.used)) throw new RangeError(`TextBytes.truncate: ${length} is not within the ${this.used} bytes written`);
    this.used = length;
  }

  /** Whether a byte written from `from` on is one that makes a CSV field quoted: `"`, `,`, CR or LF. */
  csvQuotingNeededSince(from: number): boolean {
    const bytes = this.buffer;
    for (let i = from; i < this.used; i++) {
      const code = bytes[i] as number;
      if (code === QUOTE || code === COMMA || code === NEWLINE || code === CARRIAGE_RETURN) return true;
    }
    return false;
  }

  /** Any string, as UTF-8 (a lone surrogate as U+FFFD, as Node writes strings). */
  text(s: string): this {
    this.ensure(s.length);
    const bytes = this.buffer;
    let at = this.used;
    for (let i = 0; i < s.length; i++) {
      const code = s.charCodeAt(i);
      if (code >= 0x80) {
        this.used = at;
        return this.encodeRest(s, i);
      }
      bytes[at++] = code;
    }
    this.used = at;
    return this;
  }

  /** `length` bytes of `source` from `from`, copied in one call. */
  bytes(source: Uint8Array, from: number, length: number): this {
    this.ensure(length);
    this.buffer.set(source.subarray(from, from + length), this.used);
    this.used += length;
    return this;
  }

  /** Copies the bytes written from `from` on into `target` at `at`. */
  copyWritten(from: number, target: Uint8Array, at: number): void {
    target.set(this.buffer.subarray(from, this.used), at);
  }

  /** A piece's bytes, copied in one call. */
  piece(p: TextPiece): this {
    const bytes = p.bytes;
    this.ensure(bytes.length);
    this.buffer.set(bytes, this.used);
    this.used += bytes.length;
    return this;
  }

  /** `length` bytes of `source` from `from` as lowercase hex, two characters a byte (as Node's 'hex' encoding). */
  hex(source: Uint8Array, from: number, length: number): this {
    this.ensure(2 * length);
    const out = this.buffer;
    let at = this.used;
    for (let i = from; i < from + length; i++) {
      const byte = source[i] as number;
      out[at++] = HEX_DIGITS[byte >>> 4] as number;
      out[at++] = HEX_DIGITS[byte & 15] as number;
    }
    this.used = at;
    return this;
  }

  /** One ASCII character, by its code. */
  char(code: number): this {
    this.ensure(1);
    this.buffer[this.used++] = code;
    return this;
  }

  /** `${x}` for any number: digits without a string for a safe integer, String(x) otherwise. */
  number(x: number): this {
    // Most numbers of a row: small counts. (x | 0) === x holds for integers of int32 (and -0, printed "0").
    if (x >= 0 && x < 1e8 && (x | 0) === x) {
      this.ensure(8);
      this.used = writeDigits(this.buffer, this.used, x, decimalLength(x));
      return this;
    }
    return this.otherNumber(x);
  }

  /** `ratioText` of format.ts: `${x}`, or nothing for NaN and infinities. */
  ratio(x: number): this {
    return Number.isFinite(x) ? this.number(x) : this;
  }

  /** {@link secondsText}: whole seconds (most times) as digits, others through it. */
  seconds(us: number): this {
    const whole = Math.floor(us / 1e6);
    return us - whole * 1e6 === 0 ? this.number(whole) : this.text(secondsText(us));
  }

  private otherNumber(x: number): this {
    if (!Number.isSafeInteger(x)) {
      this.ensure(MAX_NUMBER_BYTES);
      this.used = recentNumbers.write(x, this.buffer, this.used);
      return this;
    }
    this.ensure(MAX_INTEGER_BYTES);
    let rest = x;
    if (rest < 0) {
      this.buffer[this.used++] = MINUS;
      rest = -rest;
    }
    // In parts below 10^8, so that the digit arithmetic stays on small integers (a
    // double's % is a library call); 2^53 / 10^8 < 10^8.
    if (rest < 1e8) {
      this.used = writeDigits(this.buffer, this.used, rest, decimalLength(rest));
    } else {
      const high = Math.floor(rest / 1e8);
      const at = writeDigits(this.buffer, this.used, high, decimalLength(high));
      this.used = writeDigits(this.buffer, at, rest - high * 1e8, 8);
    }
    return this;
  }

  private encodeRest(s: string, from: number): this {
    const rest = s.slice(from);
    this.ensure(3 * rest.length); // UTF-8 takes at most 3 bytes per UTF-16 unit
    this.used += utf8.encodeInto(rest, this.buffer.subarray(this.used)).written;
    return this;
  }

  private ensure(extra: number): void {
    if (this.used + extra <= this.buffer.length) return;
    const grown = new Uint8Array(Math.max(2 * this.buffer.length, this.used + extra));
    grown.set(this.view());
    this.buffer = grown;
  }
}

/** Writes 0 <= n < 10^8 as `digits` digits (zero-padded) at `at`; returns the end. */
function writeDigits(bytes: Uint8Array, at: number, n: number, digits: number): number {
  let rest = n | 0;
  const end = at + digits;
  for (let i = end - 1; i >= at; i--) {
    const quotient = (rest / 10) | 0;
    bytes[i] = DIGIT_ZERO + rest - quotient * 10;
    rest = quotient;
  }
  return end;
}
