import { UserError } from './user-error.js';
import { notAWholeNumber, optionGivenTwice, optionNeedsValue } from './messages.js';

/**
 * A whole-number option read from its text exactly: digits, optionally with an
 * exponent (`1e6`), nothing else. yargs' own number parsing reads `--seed=` as 0 and
 * `--seed 0x10` as 16; here both are errors naming the option and the text.
 * @param raw what yargs collected: undefined when absent, an array when repeated
 */
export function integerOption(name: string, raw: unknown, min: number, max: number): number | undefined {
  if (raw === undefined) return undefined;
  if (Array.isArray(raw)) throw new UserError(optionGivenTwice(name, raw.length));
  const text = String(raw);
  if (text.trim() === '') throw new UserError(optionNeedsValue(name, min));
  const value = /^\d+(e\+?\d+)?$/i.test(text) ? Number(text) : NaN;
  if (!Number.isSafeInteger(value) || value < min || value > max) {
    throw new UserError(notAWholeNumber(name, min, max, text));
  }
  return value;
}

/** A text option given once (yargs collects a repeated one into an array). */
export function textOption(name: string, raw: unknown): string | undefined {
  if (raw === undefined) return undefined;
  if (Array.isArray(raw)) throw new UserError(optionGivenTwice(name, raw.length));
  return String(raw);
}
