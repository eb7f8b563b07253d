import assert from 'node:assert/strict';
import { test } from 'node:test';
import { RecentTuples } from '../../src/report/recent-tuples.js';
import { TextBytes } from '../../src/report/text-bytes.js';
import { deriveStream } from '../../src/rng/stream.js';

/** The text of a tuple, written fresh: its numbers as `${x}`, comma-separated, and a long run of x's where the first is 7. */
function writeFresh(tuple: Float64Array, out: TextBytes): void {
  tuple.forEach((x, k) => (k === 0 ? out : out.char(44)).number(x));
  if (tuple[0] === 7) out.text('x'.repeat(300));
  out.char(10);
}

/** Through the cache, as validators.csv's writer uses it: find, else write and keep. */
function writeCached(cache: RecentTuples, tuple: Float64Array, out: TextBytes): boolean {
  cache.key.set(tuple);
  if (cache.find()) {
    cache.writeFound(out);
    return true;
  }
  const from = out.length;
  writeFresh(tuple, out);
  cache.keep(out, from);
  return false;
}

test('a tuple written through the cache is its text written fresh: repeats, slots taken over, 0 and -0, NaN, texts too long to keep', () => {
  for (const slotBits of [1, 3, 10]) {
    const rng = deriveStream(slotBits, 'test', 'recent-tuples');
    const values = [0, -0, 1, 7, 0.1 + 0.2, 1 / 3, 1e-7, 123456789, -5, Number.NaN, Infinity, 2 ** 53];
    const pool = Array.from({ length: 60 }, () => Float64Array.from({ length: 4 }, () => values[rng.nextIntBelow(values.length)] as number));
    const cache = new RecentTuples(4, slotBits, 64);
    const cached = new TextBytes(8);
    const fresh = new TextBytes(8);
    let found = 0;
    for (let i = 0; i < 5_000; i++) {
      const tuple = pool[rng.nextIntBelow(rng.nextIntBelow(2) === 0 ? 5 : pool.length)] as Float64Array;
      if (writeCached(cache, tuple, cached)) found++;
      writeFresh(tuple, fresh);
    }
    assert.deepEqual(Buffer.from(cached.view()), Buffer.from(fresh.view()), `2^${slotBits} slots`);
    assert.ok(found > 500, `2^${slotBits} slots: only ${found} tuples found in the cache`);
  }
});

test('a tuple holding NaN is never found; a text too long is never kept; signs of zeros change no text', () => {
  const cache = new RecentTuples(2, 4, 32);
  const out = new TextBytes();
  assert.equal(writeCached(cache, Float64Array.of(Number.NaN, 1), out), false);
  assert.equal(writeCached(cache, Float64Array.of(Number.NaN, 1), out), false);
  assert.equal(writeCached(cache, Float64Array.of(0, 1), out), false);
  assert.equal(writeCached(cache, Float64Array.of(-0, 1), out), false);
  assert.equal(writeCached(cache, Float64Array.of(-0, 1), out), true);
  assert.equal(writeCached(cache, Float64Array.of(7, 1), out), false);
  assert.equal(writeCached(cache, Float64Array.of(7, 1), out), false);
  assert.equal(Buffer.from(out.view()).toString(), `NaN,1\nNaN,1\n0,1\n0,1\n0,1\n7,1${'x'.repeat(300)}\n7,1${'x'.repeat(300)}\n`);
});

test('a width or slot count out of range is refused', () => {
  for (const [width, bits] of [[0, 4], [1.5, 4], [2, 0], [2, 21]] as const) assert.throws(() => new RecentTuples(width, bits, 8), RangeError);
});
