import { test } from 'node:test';
import assert from 'node:assert/strict';
import { pmfTwoSidedPValue } from '../../src/stats/pmfTwoSidedPValue.js';
import { assertClose } from './assertClose.js';

test('twice the smaller tail of a given distribution (numpy convolution of 8 rounds), the mass beyond the last bounded from above', () => {
  const masses = [0.5234678334547199, 0.38177595127224, 0.08553193293815999, 0.008749987309679998, 0.00046142502039999995, 1.2700065679999998e-05, 1.6906215999999998e-07, 8.762400000000001e-10, 7.2e-13];
  // numpy: w = 3: min(1, 2 * min(pmf[:4].sum(), pmf[3:].sum())) = 0.018448564669759998; the mass
  // beyond the last is bounded by Chernoff's e^-mean (e mean / c)^c, c = K + 1, which is added.
  const chernoff = (c: number) => Math.exp(-0.581 + c * (1 + Math.log(0.581 / c)));
  assertClose(pmfTwoSidedPValue(masses, 3, 0.581), 0.018448564669759998 + 2 * chernoff(9), 1e-12);
  assert.ok(chernoff(9) < 1e-7);
  // The masses cut at k = 5: the bound beyond 5 (1.9e-4) stands for the true 1.7e-7.
  const beyond5 = 1.6906215999999998e-7 + 8.762400000000001e-10 + 7.2e-13;
  assertClose(pmfTwoSidedPValue(masses.slice(0, 6), 3, 0.581), 0.018448564669759998 - 2 * beyond5 + 2 * chernoff(6), 1e-12);
  assertClose(pmfTwoSidedPValue(masses, 0, 0.581), 1, 0);
});

test('beyond the known masses: the Chernoff bound, which is above the true tail', () => {
  // Poisson-binomial, mean 0.5: P(W >= 12) is below e^-0.5 (0.5 e / 12)^12
  const bound = Math.exp(-0.5 + 12 * (1 + Math.log(0.5 / 12)));
  assertClose(pmfTwoSidedPValue([0.6, 0.3, 0.1], 12, 0.5), 2 * bound, 1e-12);
  assert.throws(() => pmfTwoSidedPValue([1], -1, 0), /pmfTwoSidedPValue: wins/);
});
