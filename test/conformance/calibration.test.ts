import assert from 'node:assert/strict';
import { test } from 'node:test';
import { chanceInside, isInside, outsideByChance, shareAllInside } from '../../src/conformance/calibration.js';
import { assertClose } from '../stats/assertClose.js';

test('chance inside: the share of seeds inside the range (a NaN counts as inside, as a real NaN does), to the power of the real runs', () => {
  const seeds = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
  assert.equal(chanceInside(seeds, { low: 3, high: 7 }, 1), 0.5);
  assert.equal(chanceInside(seeds, { low: 3, high: 7 }, 2), 0.25);
  assertClose(chanceInside([Number.NaN, 5, 20], { low: 0, high: 10 }, 1), 2 / 3, 1e-15);
  assert.equal(chanceInside([], { low: 0, high: 1 }, 3), 1);
});

test('inside: NaN (not measured) and values within the range, ends included to rounding', () => {
  const range = { low: 0.1, high: 0.3 };
  assert.ok(isInside(Number.NaN, range));
  assert.ok(isInside(0.1 + 0.2, range)); // 0.30000000000000004
  assert.ok(isInside(0.1, range));
  assert.ok(!isInside(0.31, range));
  assert.ok(!isInside(0.09, range));
});

test('rows outside by chance, equal chances: the binomial tail from its closed form', () => {
  // 90 rows, each outside with 0.05: P(X >= 6) = 1 - sum_{k<6} C(90, k) 0.05^k 0.95^(90-k).
  let below = 0;
  let choose = 1;
  for (let k = 0; k < 6; k++) {
    below += choose * 0.05 ** k * 0.95 ** (90 - k);
    choose = (choose * (90 - k)) / (k + 1);
  }
  const result = outsideByChance(new Array(90).fill(0.95), 6);
  assertClose(result.expected, 4.5, 1e-12);
  assertClose(result.pAtLeast, 1 - below, 1e-10);
  assert.equal(result.observed, 6);
});

test('rows outside by chance, mixed: a row certain to be inside adds nothing, none outside has chance 1', () => {
  const result = outsideByChance([1, 0.5, 0.5], 2);
  assert.equal(result.expected, 1);
  assert.equal(result.pAtLeast, 0.25);
  assert.equal(outsideByChance([0.9, 0.8], 0).pAtLeast, 1);
});

test('share all inside: the seeds with every metric inside its range (NaN inside), over all seeds', () => {
  const ranges = { blocks: { low: 10, high: 20 }, gaps: { low: 0, high: 0.1 } };
  const seeds = [
    { blocks: 15, gaps: 0.05 }, // inside on both
    { blocks: 25, gaps: 0.05 }, // blocks outside
    { blocks: 12, gaps: Number.NaN }, // NaN counts as inside
    { blocks: 15, gaps: 0.2 }, // gaps outside
  ];
  assert.equal(shareAllInside(seeds, ranges), 0.5);
  assert.equal(shareAllInside([], ranges), 1);
});
