import { test } from 'node:test';
import assert from 'node:assert/strict';
import { poolByExpectedOrder } from '../../src/stats/poolByExpectedOrder.js';

test('sorts by expected count and merges neighbours until each bin expects 5; a short last bin joins the one before', () => {
  // By hand: sorted expected 1 (obs 0), 2 (1), 2 (2), 3 (3), 8 (9): 1 + 2 + 2 = 5 closes a bin
  // (observed 3); 3 is short and 8 fills a bin alone, so 3 joins the first bin and 8 stands alone.
  const observed = Object.freeze([1, 0, 3, 9, 2]);
  const expected = Object.freeze([2, 1, 3, 8, 2]);
  assert.deepEqual(poolByExpectedOrder(observed, expected), { observed: [6, 9], expected: [8, 8], pooledCategories: 4, mergedBins: 1 });
  assert.deepEqual(observed, [1, 0, 3, 9, 2]);
  // Large categories stand alone; a short remainder with nothing before it joins the first large one,
  // a short remainder at the end joins the last bin.
  assert.deepEqual(poolByExpectedOrder([4, 6, 1], [5, 7, 1]), { observed: [5, 6], expected: [6, 7], pooledCategories: 2, mergedBins: 1 });
  assert.deepEqual(poolByExpectedOrder([1, 1, 1, 2], [3, 3, 1, 9]), { observed: [3, 2], expected: [7, 9], pooledCategories: 3, mergedBins: 1 });
});

test('1,000 validators expecting 2 each (uniform.yaml) give 333 bins where one pool gave none', () => {
  // Bins of 3 validators expect 6; the 1,000th joins the last bin, which expects 8.
  const bins = poolByExpectedOrder(new Array(1000).fill(2), new Array(1000).fill(2));
  assert.equal(bins.expected.length, 333);
  assert.ok(bins.expected.slice(0, -1).every((e) => e === 6));
  assert.equal(bins.expected[332], 8);
});

test('too little in all: one bin; bad input is refused, naming the function', () => {
  assert.equal(poolByExpectedOrder([1, 2], [1, 2]).expected.length, 1);
  assert.throws(() => poolByExpectedOrder([1], [1, 2]), /poolByExpectedOrder: observed and expected/);
  assert.throws(() => poolByExpectedOrder([1], [-1]), /poolByExpectedOrder/);
  assert.throws(() => poolByExpectedOrder([1], [1], 0), /poolByExpectedOrder: minExpected/);
});
