import assert from 'node:assert/strict';

/**
 * Asserts |actual - expected| <= relativeTolerance · |expected| (exact
 * equality when `expected` is 0 or infinite).
 */
export function assertClose(actual: number, expected: number, relativeTolerance: number, label = ''): void {
  if (expected === 0 || !Number.isFinite(expected)) {
    assert.equal(actual, expected, label);
    return;
  }
  const relativeError = Math.abs(actual - expected) / Math.abs(expected);
  assert.ok(
    relativeError <= relativeTolerance,
    `${label} expected ${expected}, got ${actual} (relative error ${relativeError.toExponential(2)} > ${relativeTolerance})`,
  );
}
