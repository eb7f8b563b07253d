/**
 * The three Python behaviours the seed server's output depends on, written for the
 * reference server from their Python definitions: `int(line)`, `str(datetime)` and
 * `sha256(text.encode()).hexdigest()`.
 */
import { createHash } from 'node:crypto';

/**
 * Python's `int()` on the bytes a client typed, or null where it raises: optional ASCII
 * whitespace around, an optional sign, decimal digits with single `_` between digits.
 */
export function pythonInt(text: string): bigint | null {
  const match = /^[ \t\n\r\v\f]*([+-]?)([0-9]+(?:_[0-9]+)*)[ \t\n\r\v\f]*$/.exec(text);
  if (match === null) return null;
  const digits = BigInt((match[2] ?? '').split('_').join(''));
  return match[1] === '-' ? -digits : digits;
}

/** `str(datetime)` of an instant in µs since 1970: `YYYY-MM-DD HH:MM:SS.ffffff`, `.ffffff` left out when 0. */
export function pythonDatetimeText(epochUs: number): string {
  const micros = ((epochUs % 1e6) + 1e6) % 1e6;
  const date = new Date((epochUs - micros) / 1000);
  const two = (n: number) => String(n).padStart(2, '0');
  const seconds =
    `${String(date.getUTCFullYear()).padStart(4, '0')}-${two(date.getUTCMonth() + 1)}-${two(date.getUTCDate())} ` +
    `${two(date.getUTCHours())}:${two(date.getUTCMinutes())}:${two(date.getUTCSeconds())}`;
  return micros === 0 ? seconds : `${seconds}.${String(micros).padStart(6, '0')}`;
}

/** The instant a `str(datetime)` text names, µs since 1970 (the scenario's start). */
export function parsePythonDatetimeText(text: string): number {
  const match = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})(?:\.(\d{6}))?$/.exec(text);
  if (match === null) throw new RangeError(`reference: not a Python datetime: ${JSON.stringify(text)}`);
  // The pattern matched, so groups 1-6 hold digits (Number, not a cast, reads them).
  const date = new Date(0);
  date.setUTCFullYear(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  date.setUTCHours(Number(match[4]), Number(match[5]), Number(match[6]), 0);
  return date.getTime() * 1000 + Number(match[7] ?? 0);
}

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}
