/**
 * Reading seconds fields while checking rules: the value in µs (or ms) when the
 * field holds a valid time, and an Issue when its resolution is too fine. Values the
 * schema already refuses (wrong type, out of range) read as undefined without a new
 * Issue, so one mistake gives one message.
 */
import type { FieldPath } from './field-path.js';
import type { Issue } from './issue.js';
import { finerThanMicrosecond, finerThanMillisecond, renderValue } from './messages.js';
import { MAX_SECONDS } from './schema.js';
import { secondsToMicros, secondsToMillisAsMicros } from './units.js';

export type SecondsRange = 'positive' | 'nonNegative';

/** µs in a time field with 1 µs resolution, or undefined when absent or invalid. */
export function readMicros(value: unknown, range: SecondsRange, path: FieldPath, issues: Issue[]): number | undefined {
  if (!inSchemaRange(value, range)) return undefined;
  const micros = secondsToMicros(value);
  if (micros === null) issues.push(timeIssue(path, finerThanMicrosecond(value), value));
  return micros ?? undefined;
}

/** µs in a server timing with 1 ms resolution, or undefined when absent or invalid. */
export function readMillisAsMicros(
  value: unknown,
  range: SecondsRange,
  path: FieldPath,
  issues: Issue[],
): number | undefined {
  if (!inSchemaRange(value, range)) return undefined;
  const micros = secondsToMillisAsMicros(value);
  if (micros === null) issues.push(timeIssue(path, finerThanMillisecond(value), value));
  return micros ?? undefined;
}

function inSchemaRange(value: unknown, range: SecondsRange): value is number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value > MAX_SECONDS) return false;
  return range === 'positive' ? value > 0 : value >= 0;
}

function timeIssue(path: FieldPath, message: string, value: number): Issue {
  return { path, message, value: renderValue(value), anchor: 'value' };
}
