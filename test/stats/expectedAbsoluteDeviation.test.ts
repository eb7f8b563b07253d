import { test } from 'node:test';
import { expectedAbsoluteDeviation } from '../../src/stats/expectedAbsoluteDeviation.js';
import { assertClose } from './assertClose.js';

// scipy 1.17: k = arange(n + 1); (binom.pmf(k, n, p) * abs(k - n * p)).sum(), every mass summed
test('binomial counts: the values scipy gives by summing every mass', () => {
  assertClose(expectedAbsoluteDeviation(null, 2, 2000), 1.08214074422263, 1e-11);
  assertClose(expectedAbsoluteDeviation(null, 0.047, 2000), 0.0896841658446247, 1e-11);
  assertClose(expectedAbsoluteDeviation(null, 3, 10), 1.1206773143999995, 1e-11);
  assertClose(expectedAbsoluteDeviation(null, 500, 1000), 12.612509089180405, 1e-10);
  assertClose(expectedAbsoluteDeviation(null, 30000, 100000), 115.62409523269191, 1e-10);
});

test('from given masses; nothing to deviate', () => {
  assertClose(expectedAbsoluteDeviation([0.25, 0.5, 0.25], 1, 2), 0.5, 1e-15);
  assertClose(expectedAbsoluteDeviation(null, 0, 0), 0, 0);
  assertClose(expectedAbsoluteDeviation(null, 10, 10), 0, 0);
});
