import { test } from 'node:test';
import assert from 'node:assert/strict';
import { theilIndex } from '../../src/stats/theilIndex.js';
import { assertClose } from './assertClose.js';
import { EQUAL_FOUR, ONE_TO_FIVE, SKEWED_EIGHT } from './concentrationFixtures.js';

test('is (1/n) Σ (x/μ) ln(x/μ)', () => {
  assertClose(theilIndex(ONE_TO_FIVE), 0.11968759358350925, 1e-13); // numpy, see concentrationFixtures.ts
  assertClose(theilIndex(SKEWED_EIGHT), 0.8694388200140251, 1e-13); // numpy
  assert.equal(theilIndex(EQUAL_FOUR), 0);
});

test('edge cases: one holder, all zeros, and one holder of everything (ln n)', () => {
  assert.equal(theilIndex([3]), 0);
  assert.equal(theilIndex([0, 0]), 0);
  assertClose(theilIndex([0, 0, 0, 8]), Math.log(4), 1e-15);
});

test('rejects empty input, naming the function', () => {
  assert.throws(() => theilIndex([]), /theilIndex: amounts must not be empty/);
});
