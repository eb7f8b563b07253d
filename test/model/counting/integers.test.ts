import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decimalLength, greatestCommonDivisor } from '../../../src/model/counting/integers.js';
import { deriveStream } from '../../../src/rng/stream.js';

test('decimalLength(n) is the length of `${n}` for every safe integer tried', () => {
  const rng = deriveStream(1, 'test', 'decimal-length');
  const edges = [0, -0, 1, -1, 9, 10, -10, 99, 100, 999_999, 1e6, 2 ** 31, 2 ** 53 - 1, -(2 ** 53 - 1), 1e15 - 1, 1e15];
  const random = Array.from({ length: 20_000 }, () => {
    const magnitude = 10 ** rng.nextIntBelow(16);
    const n = Math.floor(rng.nextDouble() * magnitude);
    return rng.nextIntBelow(3) === 0 ? -n : n;
  });
  for (const n of [...edges, ...random]) assert.equal(decimalLength(n), `${n}`.length, `decimalLength(${n})`);
});

test('greatestCommonDivisor: Euclid on small cases', () => {
  assert.equal(greatestCommonDivisor(30_000_000, 10_000_000), 10_000_000);
  assert.equal(greatestCommonDivisor(3_000, 1_700), 100);
  assert.equal(greatestCommonDivisor(7, 0), 7);
});
