import { test } from 'node:test';
import assert from 'node:assert/strict';
import { wilsonInterval } from '../../src/stats/wilsonInterval.js';
import { assertClose } from './assertClose.js';

// statsmodels is not installed, so the references are the closed form, written
// out by hand in Python with scipy's normal quantile:
//   def wilson(s, n, c):
//       z = scipy.stats.norm.ppf(1 - (1 - c) / 2); p = s / n; d = 1 + z*z/n
//       ctr = (p + z*z/(2*n)) / d; h = z/d * math.sqrt(p*(1-p)/n + z*z/(4*n*n))
//       return max(0.0, ctr - h), min(1.0, ctr + h)
// Tolerance 1e-12: the only library call is the normal quantile, which stdlib
// and scipy agree on to within 1 ulp (1.9599639845400538 vs 1.959963984540054).
test('matches the closed form computed with scipy', () => {
  const cases: Array<[number, number, number, number, number]> = [
    [8, 10, 0.95, 0.4901624715366418, 0.9433178485456248], // wilson(8, 10, 0.95)
    [0, 20, 0.95, 0, 0.16112515805281938], // wilson(0, 20, 0.95)
    [20, 20, 0.95, 0.8388748419471806, 1], // wilson(20, 20, 0.95)
    [527, 1000, 0.99, 0.4862878808911862, 0.5673561962040299], // wilson(527, 1000, 0.99)
  ];
  for (const [successes, trials, confidence, lower, upper] of cases) {
    const interval = wilsonInterval(successes, trials, confidence);
    assertClose(interval.lower, lower, 1e-12, `lower of ${successes}/${trials}`);
    assertClose(interval.upper, upper, 1e-12, `upper of ${successes}/${trials}`);
  }
});

test('confidence defaults to 0.95; the ends are exactly 0 and 1 at the extremes', () => {
  assert.deepEqual(wilsonInterval(8, 10), wilsonInterval(8, 10, 0.95));
  assert.equal(wilsonInterval(0, 20).lower, 0);
  assert.equal(wilsonInterval(20, 20).upper, 1);
});

test('rejects impossible counts and confidences, naming the function', () => {
  assert.throws(() => wilsonInterval(1, 0), /wilsonInterval: trials/);
  assert.throws(() => wilsonInterval(11, 10), /wilsonInterval: successes/);
  assert.throws(() => wilsonInterval(1.5, 10), /wilsonInterval: successes/);
  assert.throws(() => wilsonInterval(5, 10, 1), /wilsonInterval: confidence/);
  assert.throws(() => wilsonInterval(5, 10, Number.NaN), /wilsonInterval: confidence/);
});
