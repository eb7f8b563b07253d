/**
 * A log axis domain around positive values, padded by a quarter of a decade on
 * each side so that points do not sit on the frame. Zero has no place on a log
 * axis: callers draw zeros at `floor`, half a step below the smallest positive value.
 */
export function logDomain(values: readonly number[]): { domain: [number, number]; floor: number } {
  const positive = values.filter((v) => v > 0 && Number.isFinite(v));
  const smallest = positive.length > 0 ? Math.min(...positive) : 1e-3;
  const largest = positive.length > 0 ? Math.max(...positive) : 1;
  const floor = smallest / 2;
  const pad = 10 ** 0.25;
  return { domain: [floor / pad, largest * pad], floor };
}
