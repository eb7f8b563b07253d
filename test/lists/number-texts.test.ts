import assert from 'node:assert/strict';
import { test } from 'node:test';
import { NumberTexts } from '../../src/lists/number-texts.js';
import { deriveStream } from '../../src/rng/stream.js';

test('the text of every number is String() of it: repeats, slots taken over, signs, zeros, large, non-integer and non-finite numbers', () => {
  // Two slots only: nearly every number takes over another's slot.
  const texts = new NumberTexts(1);
  const values = [7, 7, -7, 7, 4096 + 7, 0, -0, 0, 2 ** 53 - 1, 1e21, 2.5, 0.1 + 0.2, -1, 2 ** 31, Number.NaN, Infinity, -Infinity, 5e-324];
  for (let round = 0; round < 3; round++) for (const value of values) assert.equal(texts.of(value), String(value), `value ${value}`);
});

test('a larger cache over a pool of repeating numbers: every text is String() of its number', () => {
  const texts = new NumberTexts(6);
  const rng = deriveStream(8, 'test', 'number-texts');
  const pool = Array.from({ length: 200 }, (_, k) => (k % 2 === 0 ? rng.nextIntBelow(1000) : rng.nextDouble() * 10 ** rng.nextIntBelow(30)));
  for (let i = 0; i < 5000; i++) {
    const x = pool[rng.nextIntBelow(pool.length)] as number;
    assert.equal(texts.of(x), String(x));
  }
});

test('a slot count outside 2^1 to 2^24 is refused', () => {
  for (const bits of [0, 25, 1.5]) assert.throws(() => new NumberTexts(bits), RangeError);
});
