/**
 * Seconds (as written in a scenario) -> integer microseconds of virtual time.
 *
 * A decimal such as 0.1 has no exact binary form, so `0.1 * 1e6` must be rounded,
 * not truncated. The tolerance is relative: the float nearest to a decimal with six
 * fraction digits, times 1e6, lands within 2^-52 of the integer (relative), so a
 * fixed 1e-6 µs tolerance would refuse valid times above a few hours, e.g.
 * 20000.000001 s. With 2^-51 and times capped at 1e8 s (schema.ts), a value half
 * a microsecond off is still refused.
 */

const MICROS_PER_SECOND = 1_000_000;
const MICROS_PER_MILLI = 1_000;
const MIN_TOLERANCE = 1e-6;
const RELATIVE_TOLERANCE = 2 ** -51;

/**
 * Whole microseconds in `seconds`, or null when the value has a finer part.
 * @example secondsToMicros(0.1) === 100000; secondsToMicros(0.0000005) === null
 */
export function secondsToMicros(seconds: number): number | null {
  return toWholeUnits(seconds * MICROS_PER_SECOND);
}

/**
 * Whole milliseconds in `seconds`, as microseconds (a multiple of 1000), or null
 * when the value has a finer part.
 * @example secondsToMillisAsMicros(0.005) === 5000; secondsToMillisAsMicros(0.0005) === null
 */
export function secondsToMillisAsMicros(seconds: number): number | null {
  const millis = toWholeUnits(seconds * (MICROS_PER_SECOND / MICROS_PER_MILLI));
  return millis === null ? null : millis * MICROS_PER_MILLI;
}

function toWholeUnits(scaled: number): number | null {
  if (!Number.isFinite(scaled)) return null;
  const whole = Math.round(scaled);
  // A non-zero value below half a unit is all finer part (the fuzz found `lottery: 1e-62`
  // read as 0 ms, a lottery thread that never slept).
  if (whole === 0 && scaled !== 0) return null;
  const tolerance = Math.max(MIN_TOLERANCE, Math.abs(scaled) * RELATIVE_TOLERANCE);
  return Math.abs(scaled - whole) <= tolerance ? whole : null;
}

/** Microseconds back to seconds, for messages. */
export function microsToSeconds(micros: number): number {
  return micros / MICROS_PER_SECOND;
}
