import { test } from 'node:test';
import assert from 'node:assert/strict';
import { binomialInterval } from './binomialInterval.js';

// Counts are integers, so they must match scipy exactly.
test('matches scipy.stats.binom.interval', () => {
  const cases: Array<[number, number, number, number, number]> = [
    [0.3, 100, 0.95, 21, 39], // scipy.stats.binom.interval(0.95, 100, 0.3) -> (21.0, 39.0)
    [0.01, 10000, 0.99, 75, 127], // scipy.stats.binom.interval(0.99, 10000, 0.01) -> (75.0, 127.0)
    [0.123, 1e6, 0.95, 122357, 123644], // scipy.stats.binom.interval(0.95, 10**6, 0.123) -> (122357.0, 123644.0)
    [0, 50, 0.9, 0, 0], // scipy.stats.binom.interval(0.9, 50, 0.0) -> (0.0, 0.0)
    [1, 50, 0.9, 50, 50], // scipy.stats.binom.interval(0.9, 50, 1.0) -> (50.0, 50.0)
  ];
  for (const [p, trials, confidence, lowerCount, upperCount] of cases) {
    assert.deepEqual(binomialInterval(p, trials, confidence), {
      lowerCount,
      upperCount,
      lower: lowerCount / trials,
      upper: upperCount / trials,
    });
  }
});

test('confidence defaults to 0.95', () => {
  assert.deepEqual(binomialInterval(0.3, 100), binomialInterval(0.3, 100, 0.95));
});

test('rejects out-of-range arguments, naming the function', () => {
  assert.throws(() => binomialInterval(1.1, 10), /binomialInterval: expectedShareP/);
  assert.throws(() => binomialInterval(0.5, 0), /binomialInterval: trials/);
  assert.throws(() => binomialInterval(0.5, 10, 0), /binomialInterval: confidence/);
});
