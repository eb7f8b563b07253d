import { test } from 'node:test';
import assert from 'node:assert/strict';
import { binomialPmf } from '../../src/stats/binomialPmf.js';
import { assertClose } from './assertClose.js';

test('the masses scipy.stats.binom.pmf gives', () => {
  const scipy: ReadonlyArray<readonly [number, number, number, number]> = [
    [3, 10, 0.3, 0.2668279319999998],
    [0, 1000, 0.05, 5.2918227477450286e-23],
    [50, 1000, 0.05, 0.05778798371410715],
    [120, 1000, 0.05, 1.6422668840193344e-18],
    [10, 10, 0.5, 0.0009765625],
  ];
  for (const [k, n, p, expected] of scipy) assertClose(binomialPmf(k, n, p), expected, 1e-11, `${k} of ${n} at ${p}`);
});

test('outside the support, certain outcomes, bad input', () => {
  assert.equal(binomialPmf(-1, 10, 0.5), 0);
  assert.equal(binomialPmf(11, 10, 0.5), 0);
  assert.equal(binomialPmf(0, 10, 0), 1);
  assert.equal(binomialPmf(10, 10, 1), 1);
  assert.throws(() => binomialPmf(1.5, 10, 0.5), /binomialPmf: k and n/);
  assert.throws(() => binomialPmf(1, 10, 2), /binomialPmf: p/);
});
