import { test } from 'node:test';
import assert from 'node:assert/strict';
import { gini, giniOfHoldings } from '../../src/stats/gini.js';
import { assertClose } from './assertClose.js';
import { EQUAL_FOUR, ONE_TO_FIVE, SKEWED_EIGHT } from './concentrationFixtures.js';

test('matches the mean-absolute-difference definition', () => {
  assertClose(gini(ONE_TO_FIVE), 0.26666666666666666, 1e-14); // numpy, see concentrationFixtures.ts
  assertClose(gini(SKEWED_EIGHT), 0.6779225908372828, 1e-14); // numpy
  assert.equal(gini(EQUAL_FOUR), 0);
  assert.equal(Number(gini(SKEWED_EIGHT).toFixed(5)), 0.67792);
  assert.deepEqual(SKEWED_EIGHT, [368, 156, 20, 7, 10, 49, 22, 1]);
});

test('edge cases: one holder, all zeros, one holder of everything', () => {
  assert.equal(gini([7]), 0);
  assert.equal(gini([0, 0, 0]), 0);
  assertClose(gini([0, 0, 0, 10]), 3 / 4, 1e-15); // (n - 1) / n
});

test('giniOfHoldings agrees on holdings already made', () => {
  assertClose(giniOfHoldings({ amounts: [5, 4, 3, 2, 1], holders: [1, 1, 1, 1, 1], n: 5, total: 15 }), 0.26666666666666666, 1e-14);
});

test('rejects empty input, naming the function', () => {
  assert.throws(() => gini([]), /gini: amounts must not be empty/);
});
