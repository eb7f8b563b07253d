import { test } from 'node:test';
import assert from 'node:assert/strict';
import { nakamotoCoefficient, nakamotoCoefficientOfHoldings } from '../../src/stats/nakamotoCoefficient.js';
import { EQUAL_FOUR, ONE_TO_FIVE, SKEWED_EIGHT } from './concentrationFixtures.js';

test('fewest largest holders with a combined share strictly above the threshold', () => {
  assert.equal(nakamotoCoefficient(ONE_TO_FIVE), 2); // 5 + 4 = 9 of 15 > 1/2
  assert.equal(nakamotoCoefficient(EQUAL_FOUR), 3); // 2 of 4 is exactly 1/2, not above it
  assert.equal(nakamotoCoefficient(SKEWED_EIGHT), 1); // 368 of 633 > 1/2
  assert.equal(nakamotoCoefficient(ONE_TO_FIVE, 1 / 3), 2); // 5 of 15 is exactly 1/3, not above it
  assert.equal(nakamotoCoefficient([6, 5, 4], 1 / 3), 1); // 6 of 15 > 1/3
  assert.equal(nakamotoCoefficient(Array.from({ length: 10 }, () => 3), 0.1), 2); // 3 of 30 is 0.1, not above
  assert.equal(nakamotoCoefficient(EQUAL_FOUR, 0), 1);
  assert.equal(nakamotoCoefficient(EQUAL_FOUR, 0.99), 4);
  assert.deepEqual(ONE_TO_FIVE, [1, 2, 3, 4, 5]);
});

test('edge cases: one holder, all zeros read as equal holders, zeros ignored', () => {
  assert.equal(nakamotoCoefficient([3]), 1);
  assert.equal(nakamotoCoefficient([0, 0, 0, 0]), 3);
  assert.equal(nakamotoCoefficient([0, 0, 10, 0]), 1);
});

test('the Holdings form takes the same threshold', () => {
  assert.equal(nakamotoCoefficientOfHoldings({ amounts: [5, 4, 3, 2, 1], holders: [1, 1, 1, 1, 1], n: 5, total: 15 }, 0.6), 3);
});

test('rejects empty input and thresholds outside [0, 1), naming the function', () => {
  assert.throws(() => nakamotoCoefficient([]), /nakamotoCoefficient: amounts must not be empty/);
  assert.throws(() => nakamotoCoefficient([1, 2], 1), /nakamotoCoefficient: threshold/);
  assert.throws(() => nakamotoCoefficient([1, 2], -0.1), /nakamotoCoefficient: threshold/);
});
