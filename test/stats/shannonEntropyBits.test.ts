import { test } from 'node:test';
import assert from 'node:assert/strict';
import { shannonEntropyBits } from '../../src/stats/shannonEntropyBits.js';
import { assertClose } from './assertClose.js';
import { EQUAL_FOUR, ONE_TO_FIVE, SKEWED_EIGHT } from './concentrationFixtures.js';

test('is -Σ s log2 s of the shares', () => {
  assertClose(shannonEntropyBits(ONE_TO_FIVE), 2.1492553971685, 1e-14); // numpy, see concentrationFixtures.ts
  assertClose(shannonEntropyBits(SKEWED_EIGHT), 1.7456649260094135, 1e-14); // numpy
  assert.equal(shannonEntropyBits(EQUAL_FOUR), 2);
});

test('edge cases: one holder is 0, zeros add nothing, all zeros read as equal (log2 n)', () => {
  assert.equal(shannonEntropyBits([5]), 0);
  assert.equal(shannonEntropyBits([0, 5, 0]), 0);
  assertClose(shannonEntropyBits([0, 0, 0]), Math.log2(3), 1e-15);
});

test('rejects empty input, naming the function', () => {
  assert.throws(() => shannonEntropyBits([]), /shannonEntropyBits: amounts must not be empty/);
});
