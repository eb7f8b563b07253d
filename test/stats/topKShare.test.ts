import { test } from 'node:test';
import assert from 'node:assert/strict';
import { topKShare } from '../../src/stats/topKShare.js';
import { assertClose } from './assertClose.js';
import { ONE_TO_FIVE, SKEWED_EIGHT } from './concentrationFixtures.js';

test('is the combined share of the k largest holders', () => {
  assertClose(topKShare(ONE_TO_FIVE, 1), 5 / 15, 1e-15);
  assertClose(topKShare(ONE_TO_FIVE, 2), 9 / 15, 1e-15);
  assertClose(topKShare(SKEWED_EIGHT, 3), (368 + 156 + 49) / 633, 1e-15);
  assert.equal(topKShare(ONE_TO_FIVE, 5), 1);
  assert.equal(topKShare(ONE_TO_FIVE, 10), 1);
  assert.deepEqual(SKEWED_EIGHT, [368, 156, 20, 7, 10, 49, 22, 1]);
});

test('edge cases: one holder, all zeros read as equal holders', () => {
  assert.equal(topKShare([4], 1), 1);
  assert.equal(topKShare([0, 0, 0, 0], 1), 0.25);
});

test('rejects empty input and a k that is not a positive integer, naming the function', () => {
  assert.throws(() => topKShare([], 1), /topKShare: amounts must not be empty/);
  assert.throws(() => topKShare([1], 0), /topKShare: k/);
  assert.throws(() => topKShare([1], 1.5), /topKShare: k/);
});
