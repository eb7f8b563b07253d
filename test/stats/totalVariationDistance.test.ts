import { test } from 'node:test';
import assert from 'node:assert/strict';
import { totalVariationDistance } from '../../src/stats/totalVariationDistance.js';
import { assertClose } from './assertClose.js';

test('normalises counts and weights, then halves the L1 distance', () => {
  // By hand: [0.3, 0.7] vs [0.5, 0.5] -> (0.2 + 0.2) / 2 = 0.2.
  assertClose(totalVariationDistance(Object.freeze([30, 70]), Object.freeze([1, 1])), 0.2, 1e-15);
  // By hand: [0.5, 0.3, 0.2] vs [0.25, 0.25, 0.5] -> (0.25 + 0.05 + 0.3) / 2 = 0.3.
  assertClose(totalVariationDistance([5, 3, 2], [1, 1, 2]), 0.3, 1e-15);
  assert.equal(totalVariationDistance([2, 4], [1, 2]), 0);
  assert.equal(totalVariationDistance([1, 0], [0, 1]), 1);
});

test('rejects empty, negative, zero-total or mismatched input, naming the function', () => {
  assert.throws(() => totalVariationDistance([], []), /totalVariationDistance: p must not be empty/);
  assert.throws(() => totalVariationDistance([1, -1], [1, 1]), /totalVariationDistance: p\[1\]/);
  assert.throws(() => totalVariationDistance([1, 1], [0, 0]), /totalVariationDistance: .*positive total/);
  assert.throws(() => totalVariationDistance([1, 1], [1]), /totalVariationDistance: .*same length/);
});
