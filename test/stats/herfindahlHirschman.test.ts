import { test } from 'node:test';
import assert from 'node:assert/strict';
import { herfindahlHirschman } from '../../src/stats/herfindahlHirschman.js';
import { assertClose } from './assertClose.js';
import { EQUAL_FOUR, ONE_TO_FIVE, SKEWED_EIGHT } from './concentrationFixtures.js';

test('is the sum of squared shares', () => {
  assertClose(herfindahlHirschman(ONE_TO_FIVE), 0.24444444444444446, 1e-14); // numpy: 55/225
  assertClose(herfindahlHirschman(SKEWED_EIGHT), 0.40728594995120904, 1e-14); // numpy
  assert.equal(herfindahlHirschman(EQUAL_FOUR), 0.25);
});

test('edge cases: one holder is 1, all zeros read as equal (1/n)', () => {
  assert.equal(herfindahlHirschman([9]), 1);
  assertClose(herfindahlHirschman([0, 0, 0]), 1 / 3, 1e-15);
});

test('rejects empty input, naming the function', () => {
  assert.throws(() => herfindahlHirschman([]), /herfindahlHirschman: amounts must not be empty/);
});
