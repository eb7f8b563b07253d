import assert from 'node:assert/strict';
import { test } from 'node:test';
import { PointCounts } from '../../../src/model/counting/point-counts.js';
import { deriveStream } from '../../../src/rng/stream.js';

test('range adds, reads and takes of every count agree with a plain array of counts, on random sizes and ranges', () => {
  const rng = deriveStream(5, 'test', 'point-counts');
  for (let c = 0; c < 60; c++) {
    const n = 1 + rng.nextIntBelow(300);
    const counts = new PointCounts(n);
    const plain = new Array<number>(n).fill(0);
    for (let step = 0; step < 400; step++) {
      const action = rng.nextIntBelow(10);
      if (action < 6) {
        const from = rng.nextIntBelow(n + 1);
        const to = from + rng.nextIntBelow(n + 1 - from);
        const value = rng.nextIntBelow(7) - 2;
        counts.addRange(from, to, value);
        for (let p = from; p < to; p++) plain[p] = (plain[p] as number) + value;
      } else if (action < 9) {
        const p = rng.nextIntBelow(n);
        assert.equal(counts.countAt(p), plain[p], `case ${c}, step ${step}, position ${p}`);
      } else {
        const taken: number[] = [];
        counts.takeAll((position, count) => {
          assert.equal(position, taken.length);
          taken.push(count);
        });
        assert.deepEqual(taken, plain, `case ${c}, step ${step}: takeAll`);
        plain.fill(0);
        for (let p = 0; p < n; p++) assert.equal(counts.countAt(p), 0, `case ${c}, step ${step}: ${p} after takeAll`);
      }
    }
  }
});
