import { test } from 'node:test';
import assert from 'node:assert/strict';
import { holdingsOfTally, toHoldings } from '../../src/stats/holdings.js';

test('tallies a copy, largest first, with holder count and total', () => {
  const amounts = Object.freeze([1, 3, 2, 3]);
  assert.deepEqual(toHoldings(amounts, 'gini'), { amounts: [3, 2, 1], holders: [2, 1, 1], n: 4, total: 9 });
  assert.deepEqual(amounts, [1, 3, 2, 3]);
});

test('reads all zeros as equal holdings', () => {
  assert.deepEqual(toHoldings([0, 0, 0], 'gini'), { amounts: [1], holders: [3], n: 3, total: 3 });
  assert.deepEqual(holdingsOfTally({ amounts: [0], holders: [5] }, 'gini'), { amounts: [1], holders: [5], n: 5, total: 5 });
});

test('rejects empty, negative and non-finite amounts, naming the caller', () => {
  assert.throws(() => toHoldings([], 'gini'), /^Error: gini: amounts must not be empty$/);
  assert.throws(() => toHoldings([1, -2], 'gini'), /gini: amounts\[1\] must be a finite number >= 0, got -2/);
  assert.throws(() => toHoldings([Infinity], 'gini'), /gini: amounts\[0\]/);
});

test('rejects a malformed tally, naming the caller', () => {
  assert.throws(() => holdingsOfTally({ amounts: [], holders: [] }, 'f'), /^Error: f: the tally must be non-empty/);
  assert.throws(() => holdingsOfTally({ amounts: [1, 2], holders: [1, 1] }, 'f'), /f: amounts must be finite, >= 0 and strictly decreasing; amounts\[1\] = 2/);
  assert.throws(() => holdingsOfTally({ amounts: [2, 1], holders: [1, 0.5] }, 'f'), /f: holders\[1\] must be a positive integer, got 0.5/);
});
