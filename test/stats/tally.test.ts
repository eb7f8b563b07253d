import { test } from 'node:test';
import assert from 'node:assert/strict';
import { tallyOf } from '../../src/stats/tally.js';

test('distinct amounts largest first, with their holder counts', () => {
  assert.deepEqual(tallyOf([2, 0, 2, 5]), { amounts: [5, 2, 0], holders: [1, 2, 1] });
  assert.deepEqual(tallyOf(new Float64Array([3, 3, 3])), { amounts: [3], holders: [3] });
  const input = [1, 2];
  tallyOf(input);
  assert.deepEqual(input, [1, 2]);
});

test('rejects empty, negative and non-finite amounts, naming the function', () => {
  assert.throws(() => tallyOf([]), /tallyOf: amounts must not be empty/);
  assert.throws(() => tallyOf([1, -1]), /tallyOf: .* got -1/);
  assert.throws(() => tallyOf([1, NaN]), /tallyOf: .* got NaN/);
});
