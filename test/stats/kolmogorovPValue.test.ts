import { test } from 'node:test';
import assert from 'node:assert/strict';
import { kolmogorovPValue } from '../../src/stats/kolmogorovPValue.js';
import { assertClose } from './assertClose.js';

// scipy 1.17: d = kstwo.isf(q, n), the exact statistic whose p-value is q.
const SCIPY: ReadonlyArray<readonly [number, number, number]> = [
  [50, 0.0001, 0.3086134727142147],
  [200, 1e-6, 0.188940402237275],
  [100, 0.0001, 0.2198891645427127],
  [1000, 0.01, 0.05129418752666127],
  [100000, 0.001, 0.006163094369856496],
];

test('within 4% of scipy\'s exact Kolmogorov distribution (n >= 100, or p >= 1e-4 at n = 50)', () => {
  for (const [n, q, d] of SCIPY) assertClose(kolmogorovPValue(d, n), q, 0.04, `n=${n}, q=${q}`);
  // scipy: kstwo.sf(0.0358447265625, 1000) = 0.1494158362901843
  assertClose(kolmogorovPValue(0.035844726562499984, 1000), 0.1494158362901843, 0.01);
});

test('1 for tiny distances; bad input refused, naming the function', () => {
  assert.equal(kolmogorovPValue(0, 100), 1);
  assert.throws(() => kolmogorovPValue(1.5, 10), /kolmogorovPValue: d/);
  assert.throws(() => kolmogorovPValue(0.1, 0), /kolmogorovPValue: n/);
});
