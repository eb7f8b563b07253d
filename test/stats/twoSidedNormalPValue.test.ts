import { test } from 'node:test';
import assert from 'node:assert/strict';
import { twoSidedNormalPValue } from '../../src/stats/twoSidedNormalPValue.js';
import { assertClose } from './assertClose.js';

test('matches 2 * scipy.stats.norm.sf(|z|), tails included', () => {
  const cases: Array<[number, number, number]> = [
    [1.96, 0.04999579029644087, 1e-12], // 2*scipy.stats.norm.sf(1.96)
    [0, 1, 1e-15], // 2*scipy.stats.norm.sf(0)
    [-2.5, 0.012419330651552265, 1e-12], // 2*scipy.stats.norm.sf(2.5)
    [8.5, 1.89590696444065e-17, 1e-12], // 2*scipy.stats.norm.sf(8.5)
    // Far tail: stdlib's and scipy's erfc agree to 2e-13 here; 1e-11 leaves room.
    [37, 1.1451142445047853e-299, 1e-11], // 2*scipy.stats.norm.sf(37)
  ];
  for (const [z, expected, tolerance] of cases) {
    assertClose(twoSidedNormalPValue(z), expected, tolerance, `z = ${z}`);
  }
});

test('is symmetric in z and 0 at infinity', () => {
  assert.equal(twoSidedNormalPValue(-1.3), twoSidedNormalPValue(1.3));
  assert.equal(twoSidedNormalPValue(Infinity), 0);
  assert.equal(twoSidedNormalPValue(-Infinity), 0);
});

test('rejects NaN, naming the function', () => {
  assert.throws(() => twoSidedNormalPValue(Number.NaN), /twoSidedNormalPValue: z/);
});
