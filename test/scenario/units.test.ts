import { test } from 'node:test';
import assert from 'node:assert/strict';
import { secondsToMicros, secondsToMillisAsMicros } from '../../src/scenario/units.js';

test('decimal seconds become exact microseconds despite binary floats', () => {
  assert.equal(secondsToMicros(0.1), 100_000);
  assert.equal(secondsToMicros(0.3), 300_000);
  assert.equal(secondsToMicros(1.000001), 1_000_001);
  assert.equal(secondsToMicros(0.000001), 1);
  assert.equal(secondsToMicros(0), 0);
  // Large enough that a fixed 1e-6 µs tolerance would refuse it.
  assert.equal(secondsToMicros(20000.000001), 20_000_000_001);
  assert.equal(secondsToMicros(99_999_999.999999), 99_999_999_999_999);
});

test('anything finer than a microsecond is refused', () => {
  assert.equal(secondsToMicros(0.0000005), null);
  assert.equal(secondsToMicros(0.1234567), null);
  assert.equal(secondsToMicros(99_999_999.9999995), null);
  assert.equal(secondsToMicros(Number.NaN), null);
});

test('server timings need whole milliseconds', () => {
  assert.equal(secondsToMillisAsMicros(0.005), 5_000);
  assert.equal(secondsToMillisAsMicros(0.1), 100_000);
  assert.equal(secondsToMillisAsMicros(30), 30_000_000);
  assert.equal(secondsToMillisAsMicros(0.0005), null);
  assert.equal(secondsToMillisAsMicros(5.0001), null);
});
