import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chiSquarePValue } from '../../src/stats/chiSquarePValue.js';
import { assertClose } from './assertClose.js';

// Tolerance 1e-12 rather than 1e-9: both libraries evaluate the same regularised
// upper incomplete gamma; the largest gap seen is 2e-14 at 2.7e-192.
test('matches scipy.stats.chi2.sf, deep tail included', () => {
  const cases: Array<[number, number, number]> = [
    [10, 2, 0.006737946999085468], // scipy.stats.chi2.sf(10, 2)
    [3.5, 1, 0.0613688291394023], // scipy.stats.chi2.sf(3.5, 1)
    [1200, 1000, 1.2255942330622893e-5], // scipy.stats.chi2.sf(1200, 1000)
    [900, 5, 2.6614147330185637e-192], // scipy.stats.chi2.sf(900, 5)
    [0, 4, 1], // scipy.stats.chi2.sf(0, 4)
  ];
  for (const [statistic, df, expected] of cases) {
    assertClose(chiSquarePValue(statistic, df), expected, 1e-12, `chi2.sf(${statistic}, ${df})`);
  }
  assert.equal(chiSquarePValue(Infinity, 3), 0);
});

test('rejects a negative statistic or bad degrees of freedom, naming the function', () => {
  assert.throws(() => chiSquarePValue(-1, 2), /chiSquarePValue: statistic/);
  assert.throws(() => chiSquarePValue(Number.NaN, 2), /chiSquarePValue: statistic/);
  assert.throws(() => chiSquarePValue(1, 0), /chiSquarePValue: degreesOfFreedom/);
  assert.throws(() => chiSquarePValue(1, 1.5), /chiSquarePValue: degreesOfFreedom/);
});
