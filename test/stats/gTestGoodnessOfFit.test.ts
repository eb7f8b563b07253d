import { test } from 'node:test';
import assert from 'node:assert/strict';
import { gTestGoodnessOfFit } from '../../src/stats/gTestGoodnessOfFit.js';
import { assertClose } from './assertClose.js';

// Statistic tolerance 1e-13: sums of logs in a different order. p-value 1e-12,
// as in chiSquarePValue.test.ts.
test('matches scipy.stats.power_divergence(lambda_="log-likelihood")', () => {
  const cases: Array<[number[], number[], number, number]> = [
    // scipy.stats.power_divergence([10,20,30],[20,20,20],lambda_='log-likelihood')
    //   -> statistic=10.464962875290956, pvalue=0.005340257332066883
    [[10, 20, 30], [20, 20, 20], 10.464962875290956, 0.005340257332066883],
    // 0 ln 0 = 0: scipy.stats.power_divergence([0,30,30],[20,20,20],lambda_='log-likelihood')
    //   -> statistic=48.655812972979724, pvalue=2.7197216389364357e-11
    [[0, 30, 30], [20, 20, 20], 48.655812972979724, 2.7197216389364357e-11],
    // scipy.stats.power_divergence([900,60,40],[500,300,200],lambda_='log-likelihood')
    //   -> statistic=736.1284143369942, pvalue=1.4182272987157998e-160
    [[900, 60, 40], [500, 300, 200], 736.1284143369942, 1.4182272987157998e-160],
  ];
  for (const [observed, expected, statistic, pValue] of cases) {
    const result = gTestGoodnessOfFit(Object.freeze(observed), Object.freeze(expected));
    assertClose(result.statistic, statistic, 1e-13, `G of ${observed}`);
    assertClose(result.pValue, pValue, 1e-12, `p of ${observed}`);
    assert.equal(result.degreesOfFreedom, 2);
  }
});

test('pools exactly as the chi-square test does', () => {
  const result = gTestGoodnessOfFit([10, 2, 1, 17], [9, 3, 3, 15]);
  // scipy.stats.power_divergence([10,17,3],[9,15,6],lambda_='log-likelihood')
  //   -> statistic=2.20387409023306, pvalue=0.33222692147802524
  assertClose(result.statistic, 2.20387409023306, 1e-13);
  assertClose(result.pValue, 0.33222692147802524, 1e-12);
  assert.deepEqual([result.bins, result.pooledCategories], [3, 2]);
});

test('observed equal to expected gives G = 0 and p = 1', () => {
  const result = gTestGoodnessOfFit([30.1, 29.9, 40], [30.1, 29.9, 40]);
  assert.equal(result.statistic, 0);
  assert.equal(result.pValue, 1);
});

test('errors name gTestGoodnessOfFit', () => {
  assert.throws(() => gTestGoodnessOfFit([1, -2], [1, 1]), /gTestGoodnessOfFit: observed\[1\]/);
});
