import assert from 'node:assert/strict';
import test from 'node:test';
import { ascendingOrder } from '../../src/stats/ascendingOrder.js';
import { deriveStream } from '../../src/rng/stream.js';

/** The plain reference: a stable sort of the indices by value. */
function ascendingOrderBySorting(values: readonly number[]): number[] {
  return Array.from(values.keys()).sort((a, b) => (values[a] as number) - (values[b] as number) || a - b);
}

test('ascendingOrder: the example', () => {
  assert.deepEqual(Array.from(ascendingOrder([3, 1, 2, 1])), [1, 3, 2, 0]);
  assert.deepEqual(Array.from(ascendingOrder([])), []);
});

test('ascendingOrder is a stable sort of the indices, on random values with ties, zeros of both signs and every magnitude', () => {
  const rng = deriveStream(7, 'test', 'ascending-order');
  const special = [0, -0, Number.MIN_VALUE, 2.2e-308, 1e-300, 0.1, 0.2, 0.30000000000000004, 0.3, 1, 1 + 2 ** -52, 5, 1e21, Number.MAX_VALUE, Infinity];
  for (let c = 0; c < 400; c++) {
    const n = rng.nextIntBelow(c < 380 ? 300 : 20_000);
    const kind = rng.nextIntBelow(3);
    const values = Array.from({ length: n }, () =>
      kind === 0
        ? (special[rng.nextIntBelow(special.length)] as number)
        : kind === 1
          ? rng.nextIntBelow(10) * 0.5
          : rng.nextDouble() * 10 ** (rng.nextIntBelow(40) - 20),
    );
    assert.deepEqual(Array.from(ascendingOrder(values)), ascendingOrderBySorting(values), `case ${c}`);
  }
});

test('ascendingOrder refuses negative values and NaN', () => {
  assert.throws(() => ascendingOrder([1, -1]), /ascendingOrder: values\[1\] must be a number >= 0, got -1/);
  assert.throws(() => ascendingOrder([NaN]), /values\[0\].*got NaN/);
});
