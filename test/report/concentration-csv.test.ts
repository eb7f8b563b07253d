import assert from 'node:assert/strict';
import test from 'node:test';
import { ChangedValidators } from '../../src/model/counting/changed-validators.js';
import { ConcentrationSampler, TrackedShares } from '../../src/report/concentration-csv.js';
import { deriveStream } from '../../src/rng/stream.js';
import { zeroTotals } from '../model/scenario-builders.js';

for (const layout of ['runs of validators', 'any members'] as const) {
  test(`samples and tracked shares kept up to date from the changed validators equal ones that look at every validator, and the sums by definition (series as ${layout})`, () => {
    const rng = deriveStream(12, 'test', 'concentration-csv');
    const n = 200;
    const v = zeroTotals(n);
    const changed = new ChangedValidators(n);
    const series = [
      { name: 'group:a', members: Array.from({ length: 150 }, (_, i) => i) },
      { name: 'group:b', members: Array.from({ length: 50 }, (_, i) => 150 + i) },
      { name: 'v-3', members: [3] },
      ...(layout === 'any members' ? [{ name: 'odd', members: Array.from({ length: 100 }, (_, i) => 2 * i + 1) }] : []),
    ];
    const [incrementalShares, fullShares] = [new TrackedShares(series, n), new TrackedShares(series, n)];
    const [incremental, full] = [new ConcentrationSampler(n, incrementalShares), new ConcentrationSampler(n, fullShares)];
    for (let round = 1; round <= 300; round++) {
      // Connects, rewards, wins and withdrawals, as the server marks them.
      for (let k = rng.nextIntBelow(5); k > 0; k--) {
        const i = rng.nextIntBelow(n);
        v.stake[i] = rng.nextIntBelow(4) === 0 ? 0 : (v.stake[i] as number) + 1 + rng.nextIntBelow(1000);
        changed.mark(i);
      }
      const winner = rng.nextIntBelow(n);
      v.wins[winner] = (v.wins[winner] as number) + 1;
      changed.mark(winner);
      if (round % 7 !== 0) continue;
      const list = changed.take();
      const a = incremental.sample(v, round, round * 10e6, list);
      assert.deepEqual(a, full.sample(v, round, round * 10e6), `round ${round}`);
      const lines = incrementalShares.lines(v, a.stakeTotal, round, 0);
      assert.equal(lines, fullShares.lines(v, a.stakeTotal, round, 0), `round ${round}`);
      const sum = (column: Float64Array, members: number[]) => members.reduce((total, i) => total + (column[i] as number), 0);
      const byDefinition = series.map((s) => `${round},0,${s.name},${sum(v.stake, s.members) / a.stakeTotal},${sum(v.wins, s.members) / round}\n`).join('');
      assert.equal(lines, byDefinition, `round ${round}`);
    }
  });
}

test('a tracked series whose stake reaches 2^53 is still summed as in member order (a running sum would round)', () => {
  const v = zeroTotals(3);
  const changed = new ChangedValidators(3);
  const series = [{ name: 'group:big', members: [0, 1] }];
  const shares = new TrackedShares(series, 3);
  const sampler = new ConcentrationSampler(3, shares);
  const memberOrder = () => (v.stake[0] as number) + (v.stake[1] as number);
  const steps: Array<[number, number]> = [
    [0, 2 ** 52 + 1],
    [1, 2 ** 52 + 2], // the sum passes 2^53 and is rounded
    [0, 0], // a withdrawal: exactly 2^52 + 2 is left
    [1, 2 ** 52 + 3], // a reward
  ];
  for (const [i, stake] of steps) {
    v.stake[i] = stake;
    changed.mark(i);
    const total = memberOrder() + 1;
    sampler.sample(v, 1, 0, changed.take());
    const line = shares.lines(v, total, 1, 0);
    assert.equal(line, `1,0,group:big,${memberOrder() / total},0\n`, `after validator ${i} holds ${stake}`);
  }
});
