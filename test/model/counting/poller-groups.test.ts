import { test } from 'node:test';
import assert from 'node:assert/strict';
import { NOT_MERGED, PollerGroups } from '../../../src/model/counting/poller-groups.js';
import { deriveStream } from '../../../src/rng/stream.js';

test('merging keeps wake-up order and combines equal groups: counts add, the earlier creation stays, the later forwards', () => {
  const groups = new PollerGroups();
  const a = groups.add(500, 2, 10); // (500 µs, connection 2)
  const b = groups.add(500, 7, 20);
  const c = groups.add(900, 1, 30);
  const later = groups.add(500, 2, 5); // same point and connection as a, created earlier
  const d = groups.add(100, 9, 40);
  groups.count[later] = 3;
  const merged = groups.merge([a, b, c], [d, later].sort((x, y) => groups.compare(x, y)));
  assert.deepEqual(merged, [d, a, b, c]);
  assert.equal(groups.count[a], 4);
  assert.equal(groups.createdUs[a], 5);
  assert.equal(groups.forward[later], a);
  assert.equal(groups.forward[a], NOT_MERGED);
  assert.equal(groups.resolve(later), a);
  assert.equal(groups.position(merged, 500, 7), 2);
  assert.equal(groups.position(merged, 600, 0), 3);
  assert.ok(groups.is(merged[2]!, 500, 7));
});

test('grows past its first capacity without losing a group', () => {
  const groups = new PollerGroups();
  const ids = Array.from({ length: 5000 }, (_, i) => groups.add(i % 3000, i, i * 10));
  assert.deepEqual([groups.residueUs[ids[4321]!], groups.connection[ids[4321]!], groups.createdUs[ids[4321]!]], [1321, 4321, 43210]);
});

test('reserve makes room once, keeping every group; adding past it still grows', () => {
  const groups = new PollerGroups();
  const first = Array.from({ length: 10 }, (_, i) => groups.add(i, i, i));
  groups.reserve(3000);
  assert.equal(groups.residueUs.length, 3000);
  groups.reserve(100); // less than there is: nothing changes
  assert.equal(groups.residueUs.length, 3000);
  const more = Array.from({ length: 4000 }, (_, i) => groups.add(7, 10 + i, 5));
  assert.equal(groups.size, 4010);
  assert.deepEqual(first.map((id) => [groups.residueUs[id], groups.connection[id], groups.count[id], groups.forward[id]]), first.map((_, i) => [i, i, 1, NOT_MERGED]));
  assert.deepEqual([groups.connection[more[3999]!], groups.createdUs[more[3999]!]], [4009, 5]);
});

/** The definition: a new array, element by element from the front, each equal to the last kept one combined into it. */
function mergedAsNew(groups: PollerGroups, sorted: readonly number[], added: readonly number[]): number[] {
  const merged: number[] = [];
  let i = 0;
  let j = 0;
  while (i < sorted.length || j < added.length) {
    const a = sorted[i];
    const b = added[j];
    const g = b === undefined || (a !== undefined && groups.compare(a, b) <= 0) ? sorted[i++]! : added[j++]!;
    const last = merged[merged.length - 1];
    if (last !== undefined && groups.compare(last, g) === 0) {
      groups.count[last] = groups.count[last]! + groups.count[g]!;
      groups.createdUs[last] = Math.min(groups.createdUs[last]!, groups.createdUs[g]!);
      groups.forward[g] = last;
    } else merged.push(g);
  }
  return merged;
}

test('merging in place gives the order, counts, creation times and forwards of merging into a new array', () => {
  const rng = deriveStream(3, 'test', 'poller-merge');
  for (let trial = 0; trial < 300; trial++) {
    // Two copies of the same groups; few points and connections, so that equal groups are common.
    const copies = [new PollerGroups(), new PollerGroups()];
    const specs = Array.from({ length: 1 + rng.nextIntBelow(30) }, () => [rng.nextIntBelow(5), rng.nextIntBelow(4), rng.nextIntBelow(100), 1 + rng.nextIntBelow(3)] as const);
    for (const groups of copies) for (const [r, c, t, n] of specs) groups.count[groups.add(r, c, t)] = n;
    const split = rng.nextIntBelow(specs.length + 1);
    const [inPlace, asNew] = copies as [PollerGroups, PollerGroups];
    // The sorted part already merged (as a bucket is); the added part only sorted (as an unsorted list is).
    const byOrder = (groups: PollerGroups) => (x: number, y: number) => groups.compare(x, y);
    const sortedIds = mergedAsNew(asNew, [], Array.from({ length: split }, (_, k) => k).sort(byOrder(asNew)));
    mergedAsNew(inPlace, [], Array.from({ length: split }, (_, k) => k).sort(byOrder(inPlace)));
    const addedIds = Array.from({ length: specs.length - split }, (_, k) => split + k);
    const want = mergedAsNew(asNew, sortedIds, [...addedIds].sort(byOrder(asNew)));
    const got = inPlace.merge([...sortedIds], [...addedIds].sort(byOrder(inPlace)));
    assert.deepEqual(got, want, `trial ${trial}`);
    for (const column of ['count', 'createdUs', 'forward'] as const) assert.deepEqual([...inPlace[column].subarray(0, specs.length)], [...asNew[column].subarray(0, specs.length)], `trial ${trial}: ${column}`);
  }
});
