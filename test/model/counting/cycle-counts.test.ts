import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CycleCounts } from '../../../src/model/counting/cycle-counts.js';
import { deriveStream } from '../../../src/rng/stream.js';

test('counts equal a plain array under cycles in pieces, started midway, with skips, and long quiet stretches of queries', () => {
  const rng = deriveStream(1, 'test', 'cycle-counts');
  let checks = 0;
  for (let trial = 0; trial < 40; trial++) {
    const n = 1 + rng.nextIntBelow(40);
    const counts = new CycleCounts(n);
    const plain = new Float64Array(n);
    // The cursor walks the positions as a batch source's runs do; sometimes it jumps (a
    // member skipped, a first cycle started midway) or a range repeats.
    let cursor = rng.nextIntBelow(n);
    for (let step = 0; step < 300; step++) {
      const roll = rng.nextIntBelow(20);
      let from = cursor;
      if (roll === 0) from = rng.nextIntBelow(n);
      const to = from + 1 + rng.nextIntBelow(n - from);
      counts.add(from, to);
      for (let i = from; i < to; i++) plain[i]! += 1;
      cursor = to === n ? 0 : to;
      // Queries, sometimes many in a row without an add (the prefix sums get frozen then).
      const queries = rng.nextIntBelow(10) === 0 ? 40 : 3;
      for (let q = 0; q < queries; q++) {
        const a = rng.nextIntBelow(n + 1);
        const b = rng.nextIntBelow(n + 1);
        const want = a < b ? plain.slice(a, b).reduce((x, y) => x + y, 0) : 0;
        assert.equal(counts.sumRange(a, b), want, `n ${n}, step ${step}, [${a}, ${b})`);
        checks++;
      }
    }
  }
  assert.ok(checks > 30_000, `${checks} checks`);
});
