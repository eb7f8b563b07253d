import { test } from 'node:test';
import assert from 'node:assert/strict';
import { poolSmallExpected } from '../../src/stats/poolSmallExpected.js';

test('leaves bins alone when every expected count reaches minExpected', () => {
  assert.deepEqual(poolSmallExpected([10, 20, 30], [20, 20, 20], {}, 'f'), {
    observed: [10, 20, 30],
    expected: [20, 20, 20],
    pooledCategories: 0,
  });
});

test('pools small categories into one bin placed last', () => {
  const observed = Object.freeze([10, 2, 1, 17]);
  const expected = Object.freeze([9, 3, 3, 15]);
  assert.deepEqual(poolSmallExpected(observed, expected, {}, 'f'), {
    observed: [10, 17, 3],
    expected: [9, 15, 6],
    pooledCategories: 2,
  });
  assert.deepEqual(observed, [10, 2, 1, 17]);
  assert.deepEqual(expected, [9, 3, 3, 15]);
});

test('merges a pool still below minExpected into the smallest remaining bin', () => {
  assert.deepEqual(poolSmallExpected([30, 25, 12, 1, 2], [28, 27, 12, 1.5, 1.5], {}, 'f'), {
    observed: [30, 25, 15],
    expected: [28, 27, 15],
    pooledCategories: 2,
  });
});

test('honours minExpected', () => {
  assert.equal(poolSmallExpected([10, 2, 1, 17], [9, 3, 3, 15], { minExpected: 1 }, 'f').pooledCategories, 0);
  assert.equal(poolSmallExpected([10, 2, 1, 17], [9, 3, 3, 15], { minExpected: 10 }, 'f').pooledCategories, 3);
});

test('rescales expected counts to the observed total when they differ by rounding only', () => {
  const shares = [0.1, 0.2, 0.7];
  const expected = shares.map((s) => s * 300); // 30.000000000000004, 60.00000000000001, 210
  const pooled = poolSmallExpected([25, 70, 205], expected, {}, 'f');
  assert.equal(pooled.expected.reduce((a, b) => a + b, 0), 300);
});

test('rejects bad input, naming the caller and the broken condition', () => {
  assert.throws(() => poolSmallExpected([1, 2], [1, 2, 0], {}, 'chiX'), /chiX: observed and expected must have the same length/);
  assert.throws(() => poolSmallExpected([3], [3], {}, 'chiX'), /chiX: .*length >= 2/);
  assert.throws(() => poolSmallExpected([], [], {}, 'chiX'), /chiX: observed must not be empty/);
  assert.throws(() => poolSmallExpected([-1, 5], [2, 2], {}, 'chiX'), /chiX: observed\[0\]/);
  assert.throws(() => poolSmallExpected([1, 5], [2, Number.NaN], {}, 'chiX'), /chiX: expected\[1\]/);
  assert.throws(() => poolSmallExpected([0, 0], [0, 0], {}, 'chiX'), /chiX: observed total/);
  assert.throws(() => poolSmallExpected([10, 10], [10, 11], {}, 'chiX'), /chiX: expected total must equal observed total/);
  assert.throws(() => poolSmallExpected([10, 10], [10, 10], { minExpected: 0 }, 'chiX'), /chiX: minExpected/);
  assert.throws(() => poolSmallExpected([3, 3, 3], [3, 3, 3], {}, 'chiX'), /chiX: fewer than 2 bins/);
});
