import { test } from 'node:test';
import { expectedAbsoluteDeviation } from '../../src/stats/expectedAbsoluteDeviation.js';
import { assertClose } from './assertClose.js';

// scipy 1.17: k = arange(n + 1); (binom.pmf(k, n, p) * abs(k - n * p)).sum()
test('binomial counts: the values scipy gives', () => {
  assertClose(expectedAbsoluteDeviation(null, 2, 2 * 0.999, 2000), 1.08214074422263, 1e-12);
  assertClose(expectedAbsoluteDeviation(null, 0.047, 0.047 * (1 - 0.0000235), 2000), 0.0896841658446247, 1e-12);
  assertClose(expectedAbsoluteDeviation(null, 3, 2.1, 10), 1.1206773143999995, 1e-12);
});

test('from given masses; the normal value for large means', () => {
  assertClose(expectedAbsoluteDeviation([0.25, 0.5, 0.25], 1, 0.5, 2), 0.5, 1e-15);
  assertClose(expectedAbsoluteDeviation(null, 500, 250, 1000), Math.sqrt(500 / Math.PI), 1e-15);
  assertClose(expectedAbsoluteDeviation(null, 0, 0, 0), 0, 0);
});
