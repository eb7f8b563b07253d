import { test } from 'node:test';
import assert from 'node:assert/strict';
import { winZScore } from '../../src/stats/winZScore.js';
import { assertClose } from './assertClose.js';

test('is (wins - expected) / sqrt(variance)', () => {
  // 100 rounds at p = 0.3: expected 30, variance 100 * 0.3 * 0.7 = 21.
  assertClose(winZScore(40, 30, 21), 10 / Math.sqrt(21), 1e-15);
  assertClose(winZScore(130, 100, 90), Math.sqrt(10), 1e-15);
  assert.equal(winZScore(30, 30, 21), 0);
});

test('zero variance: 0 when wins equal expected, otherwise signed infinity', () => {
  assert.equal(winZScore(5, 5, 0), 0);
  assert.equal(winZScore(6, 5, 0), Infinity);
  assert.equal(winZScore(4, 5, 0), -Infinity);
});

test('rejects negative or non-finite inputs, naming the function', () => {
  assert.throws(() => winZScore(1, 1, -1), /winZScore: variance/);
  assert.throws(() => winZScore(1, 1, Number.NaN), /winZScore: variance/);
  assert.throws(() => winZScore(Number.NaN, 1, 1), /winZScore: wins/);
});
