import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chiSquareGoodnessOfFit } from '../../src/stats/chiSquareGoodnessOfFit.js';
import { assertClose } from './assertClose.js';

// p-value tolerance 1e-12: the p-value is the same incomplete gamma in both
// libraries (see chiSquarePValue.test.ts); statistics are plain arithmetic.
test('matches scipy.stats.chisquare without pooling', () => {
  const observed = Object.freeze([10, 20, 30]);
  const expected = Object.freeze([20, 20, 20]);
  const result = chiSquareGoodnessOfFit(observed, expected);
  // scipy.stats.chisquare([10,20,30],[20,20,20]) -> statistic=10.0, pvalue=0.006737946999085468
  assert.equal(result.statistic, 10);
  assertClose(result.pValue, 0.006737946999085468, 1e-12);
  assert.equal(result.degreesOfFreedom, 2);
  assert.equal(result.bins, 3);
  assert.equal(result.pooledCategories, 0);
  assert.deepEqual(observed, [10, 20, 30]);
  assert.deepEqual(expected, [20, 20, 20]);
});

test('keeps relative precision far in the tail', () => {
  const result = chiSquareGoodnessOfFit([900, 60, 40], [500, 300, 200]);
  // scipy.stats.chisquare([900,60,40],[500,300,200]) -> statistic=640.0, pvalue=1.061123153746351e-139
  assertClose(result.statistic, 640, 1e-15);
  assertClose(result.pValue, 1.061123153746351e-139, 1e-12);
});

test('pools categories with expected < 5 and tests the pooled bins', () => {
  // [10, 2, 1, 17] vs [9, 3, 3, 15]: categories 1 and 2 pool to observed 3, expected 6.
  const result = chiSquareGoodnessOfFit([10, 2, 1, 17], [9, 3, 3, 15]);
  // scipy.stats.chisquare([10,17,3],[9,15,6]) -> statistic=1.8777777777777778, pvalue=0.39106210750432224
  assertClose(result.statistic, 1.8777777777777778, 1e-15);
  assertClose(result.pValue, 0.39106210750432224, 1e-12);
  assert.deepEqual([result.bins, result.degreesOfFreedom, result.pooledCategories], [3, 2, 2]);
});

test('merges a pool still below 5 into the smallest remaining bin', () => {
  // Pool of categories 3, 4 has expected 3 < 5, so it joins the bin of expected 12.
  const result = chiSquareGoodnessOfFit([30, 25, 12, 1, 2], [28, 27, 12, 1.5, 1.5]);
  // scipy.stats.chisquare([30,25,15],[28,27,15]) -> statistic=0.291005291005291, pvalue=0.8645876028021375
  assertClose(result.statistic, 0.291005291005291, 1e-14);
  assertClose(result.pValue, 0.8645876028021375, 1e-12);
  assert.deepEqual([result.bins, result.degreesOfFreedom, result.pooledCategories], [3, 2, 2]);
});

test('errors name chiSquareGoodnessOfFit', () => {
  assert.throws(() => chiSquareGoodnessOfFit([1, 2], [1]), /chiSquareGoodnessOfFit: observed and expected/);
  assert.throws(() => chiSquareGoodnessOfFit([2, 2], [2, 2]), /chiSquareGoodnessOfFit: fewer than 2 bins/);
});
