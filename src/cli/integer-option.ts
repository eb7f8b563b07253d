import { UserError } from './user-error.js';

/**
 * A whole-number option read from its text exactly: digits, optionally with an
 * exponent (`1e6`), nothing else. yargs' own number parsing reads `--seed=` as 0 and
 * `--seed 0x10` as 16; here both are errors naming the option and the text.
 * @param raw what yargs collected: undefined when absent, an array when repeated
 */
export function integerOption(name: string, raw: unknown, min: number, max: number): number | undefined {
  if (raw === undefined) return undefined;
  if (Array.isArray(raw)) throw new UserError(`--${name} was given ${raw.length} times; give it once`);
  const text = String(raw);
  if (text.trim() === '') throw new UserError(`--${name} needs a value, e.g. --${name} ${min}`);
  const value = /^\d+(e\+?\d+)?$/i.test(text) ? Number(text) : NaN;
  if (!Number.isSafeInteger(value) || value < min || value > max) {
    const range = max === Number.MAX_SAFE_INTEGER ? `>= ${min}` : `from ${min} to ${max.toLocaleString('en-US')}`;
    throw new UserError(`--${name} must be a whole number ${range}, got ${JSON.stringify(text)}`);
  }
  return value;
}

/** A text option given once (yargs collects a repeated one into an array). */
export function textOption(name: string, raw: unknown): string | undefined {
  if (raw === undefined) return undefined;
  if (Array.isArray(raw)) throw new UserError(`--${name} was given ${raw.length} times; give it once`);
  return String(raw);
}
