import { test } from 'node:test';
import assert from 'node:assert/strict';
import { deriveStream, firstIntBelow, FirstIntsBelow, streamFromUint32 } from '../../src/rng/stream.js';

test('same seed and path give the same draws; another path or seed differs', () => {
  const draw = (seed: number, path: string) => {
    const s = deriveStream(seed, path);
    return Array.from({ length: 8 }, () => s.nextUint32());
  };
  assert.deepEqual(draw(7, 'lottery'), draw(7, 'lottery'));
  assert.notDeepEqual(draw(7, 'lottery'), draw(8, 'lottery'));
  assert.notDeepEqual(draw(7, 'lottery'), draw(7, 'client'));
});

test('nextIntBelow rejects the biased top of the 32-bit range', () => {
  // n = 3: limit = 2^32 - (2^32 mod 3) = 4294967295, so 4294967295 is rejected.
  const seq = [4294967295, 4294967294, 5];
  const s = streamFromUint32(() => seq.shift() ?? 0);
  assert.equal(s.nextIntBelow(3), 4294967294 % 3);
  assert.equal(s.nextIntBelow(3), 5 % 3);
});

test('nextIntBelow above 2^32 combines two words into 53 bits', () => {
  const seq = [0xffffffff, 1]; // (0xffffffff >>> 11) * 2^32 + 1
  const s = streamFromUint32(() => seq.shift() ?? 0);
  const n = 2 ** 40;
  assert.equal(s.nextIntBelow(n), ((2 ** 21 - 1) * 2 ** 32 + 1) % n);
});

test('nextIntBelow refuses n outside [1, 2^53]', () => {
  const s = deriveStream(1, 'x');
  assert.throws(() => s.nextIntBelow(0), /nextIntBelow/);
  assert.throws(() => s.nextIntBelow(1.5), /nextIntBelow/);
});

test('firstIntBelow is the first nextIntBelow of deriveStream, on random seeds, paths and bounds', () => {
  const rng = deriveStream(11, 'test', 'first-int-below');
  const names = ['phase', 'validator-0', 'whale-12345', 'é', '', 'a/b', '𝔘', 'x'.repeat(300)];
  for (let c = 0; c < 3000; c++) {
    const seed = [0, 1, 42, 2 ** 31, Number.MAX_SAFE_INTEGER, rng.nextIntBelow(1e9)][rng.nextIntBelow(6)] as number;
    const path = Array.from({ length: 1 + rng.nextIntBelow(3) }, () => names[rng.nextIntBelow(names.length)] as string);
    // Bounds near 2^32 reject often; 1 never draws anything else.
    const n = [1, 2, 3, 10_000_000, 2 ** 31 + 1, 3_000_000_001, 2 ** 32, 1 + rng.nextIntBelow(2 ** 32)][rng.nextIntBelow(8)] as number;
    assert.equal(firstIntBelow(n, seed, ...path), deriveStream(seed, ...path).nextIntBelow(n), `case ${c}: ${seed} ${path.join('/')} ${n}`);
  }
  assert.throws(() => firstIntBelow(2 ** 32 + 1, 1, 'x'), RangeError);
  assert.throws(() => firstIntBelow(0, 1, 'x'), RangeError);
});

test('FirstIntsBelow.of(n, k) is firstIntBelow(n, seed, ...path, prefix + k), on random prefixes, numbers and bounds', () => {
  const rng = deriveStream(12, 'test', 'first-ints-below');
  const prefixes = ['validator-', 'whale-', '', 'größe-', '验证者-', '𝔘-', 'x'.repeat(200)];
  for (let c = 0; c < 300; c++) {
    const seed = [0, 1, 42, 2 ** 31, Number.MAX_SAFE_INTEGER, rng.nextIntBelow(1e9)][rng.nextIntBelow(6)] as number;
    const path = Array.from({ length: rng.nextIntBelow(3) }, () => ['phase', 'a/b', 'é'][rng.nextIntBelow(3)] as string);
    const prefix = prefixes[rng.nextIntBelow(prefixes.length)] as string;
    const draws = new FirstIntsBelow(seed, path, prefix);
    for (let j = 0; j < 10; j++) {
      const k = [0, 9, 10, 999_999, 2 ** 31, Number.MAX_SAFE_INTEGER, rng.nextIntBelow(1_000_000)][rng.nextIntBelow(7)] as number;
      const n = [1, 3, 10_000_000, 2 ** 31 + 1, 2 ** 32, 1 + rng.nextIntBelow(2 ** 32)][rng.nextIntBelow(6)] as number;
      assert.equal(draws.of(n, k), firstIntBelow(n, seed, ...path, `${prefix}${k}`), `case ${c}.${j}: ${seed} ${path.join('/')} ${prefix}${k} ${n}`);
    }
  }
  const draws = new FirstIntsBelow(1, ['phase'], 'v-');
  for (const k of [-1, 0.5, 2 ** 53]) assert.throws(() => draws.of(10, k), RangeError);
  assert.throws(() => draws.of(0, 1), RangeError);
});
