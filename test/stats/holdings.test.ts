import { test } from 'node:test';
import assert from 'node:assert/strict';
import { toHoldings } from '../../src/stats/holdings.js';

test('sorts a copy largest first and totals it', () => {
  const amounts = Object.freeze([1, 3, 2]);
  assert.deepEqual(toHoldings(amounts, 'gini'), { descending: [3, 2, 1], total: 6 });
  assert.deepEqual(amounts, [1, 3, 2]);
});

test('reads all zeros as equal holdings', () => {
  assert.deepEqual(toHoldings([0, 0, 0], 'gini'), { descending: [1, 1, 1], total: 3 });
});

test('rejects empty, negative and non-finite amounts, naming the caller', () => {
  assert.throws(() => toHoldings([], 'gini'), /^Error: gini: amounts must not be empty$/);
  assert.throws(() => toHoldings([1, -2], 'gini'), /gini: amounts\[1\] must be a finite number >= 0, got -2/);
  assert.throws(() => toHoldings([Infinity], 'gini'), /gini: amounts\[0\]/);
});
