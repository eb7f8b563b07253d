import { test } from 'node:test';
import assert from 'node:assert/strict';
import { poissonBinomialPmf } from '../../src/stats/poissonBinomialPmf.js';
import { assertClose } from './assertClose.js';

test('equal p: the binomial masses scipy gives', () => {
  // scipy 1.17: binom.pmf(range(6), 2000, 0.001)
  const scipy = [0.13519992539749967, 0.2706705213163156, 0.27080599204770506, 0.18053732803180347, 0.09022348450438238, 0.03605326828243184];
  const masses = poissonBinomialPmf(new Array(2000).fill(0.001));
  assert.equal(masses.length, 2001);
  scipy.forEach((m, k) => assertClose(masses[k] as number, m, 1e-12, `k=${k}`));
});

test('equal p = 0.05 over 90 trials: the binomial closed form C(n, k) p^k (1-p)^(n-k), and masses that sum to 1', () => {
  const masses = poissonBinomialPmf(new Array(90).fill(0.05));
  let choose = 1;
  for (let k = 0; k <= 90; k++) {
    assertClose(masses[k] as number, choose * 0.05 ** k * 0.95 ** (90 - k), 1e-12, `k=${k}`);
    choose = (choose * (90 - k)) / (k + 1);
  }
  assertClose(masses.reduce((a, b) => a + b, 0), 1, 1e-14);
});

test('mixed p: numpy.convolve of the trials one by one', () => {
  // numpy: pmf = [1]; for p in ps: pmf = convolve(pmf, [1 - p, p])
  const ps = [0.01, 0.05, 0.02, 0.3, 0.1, 0.001, 0.04, 0.06];
  const numpy = [0.5234678334547199, 0.38177595127224, 0.08553193293815999, 0.008749987309679998, 0.00046142502039999995, 1.2700065679999998e-05, 1.6906215999999998e-07];
  const masses = poissonBinomialPmf(ps);
  numpy.forEach((m, k) => assertClose(masses[k] as number, m, 1e-11, `k=${k}`));
});

test('certain trials, none, and the example', () => {
  assert.deepEqual([...poissonBinomialPmf([])], [1]);
  assert.deepEqual([...poissonBinomialPmf([1, 0, 1])], [0, 0, 1, 0]);
  const example = poissonBinomialPmf([0.5, 0.2]);
  [0.4, 0.5, 0.1].forEach((m, k) => assertClose(example[k] as number, m, 1e-15));
});

test('a probability outside [0, 1] is refused, with its place', () => {
  assert.throws(() => poissonBinomialPmf([0.5, 1.5]), /got 1.5 at 1/);
  assert.throws(() => poissonBinomialPmf([Number.NaN]), /got NaN at 0/);
});
