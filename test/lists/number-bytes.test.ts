import assert from 'node:assert/strict';
import { test } from 'node:test';
import { NumberBytes } from '../../src/lists/number-bytes.js';
import { deriveStream } from '../../src/rng/stream.js';

/** What NumberBytes writes for x, as text. */
function written(cache: NumberBytes, x: number): string {
  const out = new Uint8Array(40).fill(0x7e);
  const end = cache.write(x, out, 3);
  assert.ok(out.subarray(0, 3).every((b) => b === 0x7e) && out.subarray(end).every((b) => b === 0x7e), `String(${x}): only its own bytes written`);
  return Buffer.from(out.subarray(3, end)).toString('latin1');
}

test('the bytes of every number are String() of it: repeats, slots taken over, signs, zeros, the longest texts, non-finite numbers', () => {
  // Two slots only: nearly every number takes over another's slot.
  const cache = new NumberBytes(1);
  // -0.0000012345678901234567 and -2.2250738585072014e-308: String() of a double is at most 25 characters.
  const longest = [-0.0000012345678901234567, -2.2250738585072014e-308, -1.7976931348623157e308, -123456789012345680000];
  const values = [7, 7, -7, 7, 0, -0, 0, 2 ** 53 - 1, 1e21, 2.5, 0.1 + 0.2, -1, 2 ** 31, Number.NaN, Infinity, -Infinity, 5e-324, ...longest];
  for (let round = 0; round < 3; round++) for (const value of values) assert.equal(written(cache, value), String(value), `value ${value}`);
  assert.equal(String(longest[0]).length, 25);
});

test('a larger cache over a pool of repeating numbers: every text is String() of its number', () => {
  const cache = new NumberBytes(6);
  const rng = deriveStream(8, 'test', 'number-bytes');
  const pool = Array.from({ length: 200 }, (_, k) => (k % 2 === 0 ? rng.nextIntBelow(1000) : (rng.nextDouble() - 0.5) * 10 ** (rng.nextIntBelow(60) - 30)));
  for (let i = 0; i < 5000; i++) {
    const x = pool[rng.nextIntBelow(pool.length)] as number;
    assert.equal(written(cache, x), String(x));
  }
});

test('a slot count outside 2^1 to 2^20 is refused', () => {
  for (const bits of [0, 21, 1.5]) assert.throws(() => new NumberBytes(bits), RangeError);
});
