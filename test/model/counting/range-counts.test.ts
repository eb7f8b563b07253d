import assert from 'node:assert/strict';
import test from 'node:test';
import { RangeCounts } from '../../../src/model/counting/range-counts.js';
import { deriveStream } from '../../../src/rng/stream.js';

test('range adds and range sums equal a plain array of counts', () => {
  const rng = deriveStream(5, 'test', 'range-counts');
  for (const size of [1, 2, 7, 64, 100]) {
    const counts = new RangeCounts(size);
    const plain = new Array<number>(size).fill(0);
    for (let step = 0; step < 500; step++) {
      const a = rng.nextIntBelow(size + 1);
      const b = rng.nextIntBelow(size + 1);
      const value = rng.nextIntBelow(5) - 1;
      counts.addRange(Math.min(a, b), Math.max(a, b), value);
      for (let i = Math.min(a, b); i < Math.max(a, b); i++) plain[i] = (plain[i] as number) + value;
      const from = rng.nextIntBelow(size + 1);
      const to = rng.nextIntBelow(size + 1);
      const expected = plain.slice(from, Math.max(from, to)).reduce((x, y) => x + y, 0);
      assert.equal(counts.sumRange(from, to), expected, `size ${size}, step ${step}, [${from}, ${to})`);
    }
  }
});
