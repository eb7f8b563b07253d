import assert from 'node:assert/strict';
import test from 'node:test';
import { ascendingOrder } from '../../src/stats/ascendingOrder.js';
import { descendingOrder } from '../../src/stats/descendingOrder.js';
import { deriveStream } from '../../src/rng/stream.js';

/** The plain references: stable sorts of the indices by value. */
function ascendingOrderBySorting(values: readonly number[]): number[] {
  return Array.from(values.keys()).sort((a, b) => (values[a] as number) - (values[b] as number) || a - b);
}
function descendingOrderBySorting(values: readonly number[]): number[] {
  return Array.from(values.keys()).sort((a, b) => (values[b] as number) - (values[a] as number) || a - b);
}

test('ascendingOrder and descendingOrder: the examples', () => {
  assert.deepEqual(Array.from(ascendingOrder([3, 1, 2, 1])), [1, 3, 2, 0]);
  assert.deepEqual(Array.from(ascendingOrder([])), []);
  assert.deepEqual(Array.from(descendingOrder([1, 3, 2, 3])), [1, 3, 2, 0]);
  assert.deepEqual(Array.from(descendingOrder([])), []);
  // Negative numbers order below -0 and 0, which tie.
  assert.deepEqual(Array.from(ascendingOrder([0, -1, -0, -Infinity, -0.5])), [3, 1, 4, 0, 2]);
});

test('ascendingOrder and descendingOrder are stable sorts of the indices, on random values of both signs with ties, zeros of both signs and every magnitude', () => {
  const rng = deriveStream(7, 'test', 'ascending-order');
  const positive = [0, Number.MIN_VALUE, 2.2e-308, 1e-300, 0.1, 0.2, 0.30000000000000004, 0.3, 1, 1 + 2 ** -52, 5, 1e21, Number.MAX_VALUE, Infinity];
  const special = [...positive, ...positive.map((x) => -x)];
  for (let c = 0; c < 400; c++) {
    const n = rng.nextIntBelow(c < 380 ? 300 : 20_000);
    const kind = rng.nextIntBelow(4);
    const values = Array.from({ length: n }, () =>
      kind === 0
        ? (special[rng.nextIntBelow(special.length)] as number)
        : kind === 1
          ? rng.nextIntBelow(10) * 0.5
          : kind === 2
            ? (rng.nextIntBelow(11) - 5) * 0.25
            : (rng.nextDouble() - 0.25) * 10 ** (rng.nextIntBelow(40) - 20),
    );
    assert.deepEqual(Array.from(ascendingOrder(values)), ascendingOrderBySorting(values), `case ${c}`);
    assert.deepEqual(Array.from(descendingOrder(values)), descendingOrderBySorting(values), `case ${c}`);
  }
});

test('ascendingOrder refuses NaN', () => {
  assert.throws(() => ascendingOrder([1, -1, NaN]), /ascendingOrder: values\[2\] must be a number, got NaN/);
});
