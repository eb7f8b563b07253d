import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SyncSenders } from '../../../src/model/counting/sync-senders.js';
import { deriveStream } from '../../../src/rng/stream.js';

const P = 30_000_000;

/** The definition, one wake-up at a time: writes at spawn + kP (k >= 1) in [a, b), until removed. */
function bruteForceWrites(senders: Array<{ spawn: number; removedAt: number }>, a: number, b: number): number {
  let n = 0;
  for (const s of senders) {
    for (let t = s.spawn + P; t < b; t += P) if (t >= a && t < s.removedAt) n++;
  }
  return n;
}

test('aggregate write counts equal one-by-one counting, with spawns and removals between windows', () => {
  const rng = deriveStream(3, 'test', 'sync');
  const agg = new SyncSenders(P);
  const senders: Array<{ spawn: number; removedAt: number }> = [];
  let now = 0;
  let windowStart = 0;
  for (let step = 0; step < 400; step++) {
    // Spawns at arbitrary microseconds, in time order, like client input.
    const spawns = rng.nextIntBelow(6);
    for (let i = 0; i < spawns; i++) {
      now += rng.nextIntBelow(3_000_000);
      agg.add(now);
      senders.push({ spawn: now, removedAt: Infinity });
    }
    if (rng.nextIntBelow(10) === 0 && senders.length > 0) {
      const victim = senders[rng.nextIntBelow(senders.length)]!;
      if (victim.removedAt === Infinity) {
        victim.removedAt = now;
        agg.remove(victim.spawn, now);
      }
    }
    // Window ends are whole milliseconds, sometimes far apart (a halted chain).
    const end = (Math.floor(now / 1000) + 1 + rng.nextIntBelow(rng.nextIntBelow(4) === 0 ? 200_000 : 12_000)) * 1000;
    assert.equal(agg.countUntil(end), bruteForceWrites(senders, windowStart, end), `window ending ${end}`);
    windowStart = end;
    now = end;
  }
});

test('a window end that is not a whole millisecond is refused', () => {
  const agg = new SyncSenders(P);
  assert.throws(() => agg.countUntil(1500), /whole ms/);
});

test('senders spawned at the very instant a window ends, and removed at a firing, count as one by one', () => {
  // Whole-millisecond spawns and window ends that often coincide, as periodic clients'
  // lines and lotteries do; removals sometimes exactly at a firing time.
  const rng = deriveStream(4, 'test', 'sync-instants');
  const agg = new SyncSenders(P);
  const senders: Array<{ spawn: number; removedAt: number }> = [];
  let now = 0;
  let windowStart = 0;
  let coincided = 0;
  for (let step = 0; step < 400; step++) {
    now += 1000 * rng.nextIntBelow(4000);
    for (let i = rng.nextIntBelow(4); i > 0; i--) {
      agg.add(now);
      senders.push({ spawn: now, removedAt: Infinity });
    }
    const victim = senders[rng.nextIntBelow(senders.length + 1)];
    if (victim && victim.removedAt === Infinity && rng.nextIntBelow(3) === 0) {
      // Sometimes removed exactly when it fires.
      const at = rng.nextIntBelow(2) === 0 ? now : Math.max(now, victim.spawn + P * (1 + Math.floor((now - victim.spawn) / P)));
      now = at;
      victim.removedAt = at;
      agg.remove(victim.spawn, at);
    }
    const end = rng.nextIntBelow(3) === 0 ? Math.ceil(now / 1000) * 1000 : (Math.floor(now / 1000) + 1 + rng.nextIntBelow(40_000)) * 1000;
    if (end === now) coincided++;
    assert.equal(agg.countUntil(end), bruteForceWrites(senders, windowStart, end), `window ending ${end}`);
    windowStart = end;
    now = end;
  }
  assert.ok(coincided > 50, `only ${coincided} windows ended at a spawn instant`);
});

test('a window may end in the millisecond of the latest spawn or removal, even before it, and a sender may go at its spawn', () => {
  // The end of a run is rounded down to the ms, below changes made in that ms; under
  // fixed rules a client can connect, type a bad line and leave in one instant.
  const rng = deriveStream(5, 'test', 'sync-late');
  const agg = new SyncSenders(P);
  const senders: Array<{ spawn: number; removedAt: number }> = [];
  let now = 0;
  let windowStart = 0;
  let lateChanges = 0;
  for (let step = 0; step < 600; step++) {
    now += rng.nextIntBelow(3) === 0 ? rng.nextIntBelow(999) : 1000 * rng.nextIntBelow(5000) + rng.nextIntBelow(999);
    const sender = { spawn: now, removedAt: Infinity };
    agg.add(now);
    senders.push(sender);
    const victim = rng.nextIntBelow(4) === 0 ? sender : senders[rng.nextIntBelow(senders.length)]!;
    if (victim.removedAt === Infinity && rng.nextIntBelow(2) === 0) {
      victim.removedAt = now;
      agg.remove(victim.spawn, now);
    }
    if (rng.nextIntBelow(3) === 0) continue;
    const end = Math.max(windowStart, now - (now % 1000));
    if (end < now) lateChanges++;
    assert.equal(agg.countUntil(end), bruteForceWrites(senders, windowStart, end), `window ending ${end}`);
    windowStart = end;
  }
  assert.ok(lateChanges > 100, `only ${lateChanges} windows ended before a change`);
  assert.throws(() => agg.countUntil(windowStart - 1000), /whole ms >=/);
});

test('adding spawns in bulk (addAll) counts exactly as adding them one by one, over period edges and window ends', () => {
  const rng = deriveStream(4, 'test', 'sync-add-all');
  const oneByOne = new SyncSenders(P);
  const bulk = new SyncSenders(P);
  const senders: Array<{ spawn: number; removedAt: number }> = [];
  const times = new Float64Array(64);
  let now = 0;
  for (let step = 0; step < 300; step++) {
    // A run of spawns in time order, often within one millisecond, often across a period.
    const count = rng.nextIntBelow(40);
    for (let i = 0; i < count; i++) {
      now += rng.nextIntBelow(3) === 0 ? rng.nextIntBelow(400) : rng.nextIntBelow(4_000_000);
      times[i] = now;
      oneByOne.add(now);
      senders.push({ spawn: now, removedAt: Infinity });
    }
    bulk.addAll(times, count);
    assert.equal(bulk.count, oneByOne.count);
    // Windows end in the last spawn's millisecond as often as later.
    const lastMs = Math.floor(now / 1000) * 1000;
    const end = rng.nextIntBelow(2) === 0 ? lastMs : lastMs + 1000 * (1 + rng.nextIntBelow(40_000));
    const expected = oneByOne.countUntil(end);
    assert.equal(bulk.countUntil(end), expected, `window ending ${end}`);
    now = Math.max(now, end);
  }
  assert.ok(oneByOne.count > 3000);
});

test('runs of a periodic source counted per run (addRun) count exactly as their senders added one by one', () => {
  const rng = deriveStream(6, 'test', 'sync-add-run');
  // Intervals that divide P (3 phases), share 1 s with it (30), equal it (1), are not
  // whole ms (468.75 ms: 64 phases, found by binary search, not the ms table); and two
  // refused: 2,000 phases, and longer than P.
  let windows = 0;
  for (const [intervalUs, counted] of [
    [10_000_000, true],
    [7_000_000, true],
    [P, true],
    [468_750, true],
    [12_345_000, false],
    [2 * P, false],
  ] as const) {
    const n = 1 + rng.nextIntBelow(50);
    // Sorted residues below the interval, with ties and members at 0 and in the last ms.
    const residuesUs = Float64Array.from({ length: n }, () =>
      [
        0,
        intervalUs - 1,
        rng.nextIntBelow(intervalUs),
        1000 * rng.nextIntBelow(Math.floor(intervalUs / 1000)),
        // On the bounds of a phase that is not whole ms (an odd multiple of 468.75 ms is x.750 ms).
        Math.min(intervalUs - 1, 1000 * rng.nextIntBelow(Math.floor(intervalUs / 1000)) + 250),
      ][rng.nextIntBelow(5)] as number,
    ).sort();
    const byRun = new SyncSenders(P);
    const oneByOne = new SyncSenders(P);
    let accepted = true;
    let cycleStartUs = intervalUs * rng.nextIntBelow(5);
    let from = 0;
    for (let step = 0; step < 200; step++) {
      // The next run: from the cursor to some later position of this cycle.
      const to = from + 1 + rng.nextIntBelow(n - from);
      const times = Float64Array.from({ length: to - from }, (_, k) => cycleStartUs + (residuesUs[from + k] as number));
      accepted = byRun.addRun(residuesUs, intervalUs, from, to, cycleStartUs);
      if (!accepted) byRun.addAll(times, times.length);
      oneByOne.addAll(times, times.length);
      const lastMs = Math.floor((times[times.length - 1] as number) / 1000) * 1000;
      const end = rng.nextIntBelow(2) === 0 ? lastMs : lastMs + 1000 * rng.nextIntBelow(Math.floor(intervalUs / 1000));
      from = to === n ? 0 : to;
      if (from === 0) cycleStartUs += intervalUs;
      // A window may only end once the cursor passed it: the next run starts at or after it.
      if (end > cycleStartUs + (residuesUs[from] as number)) continue;
      assert.equal(byRun.countUntil(end), oneByOne.countUntil(end), `interval ${intervalUs}, step ${step}, end ${end}`);
      assert.equal(byRun.count, oneByOne.count);
      windows++;
    }
    assert.equal(accepted, counted, `interval ${intervalUs}`);
  }
  assert.ok(windows > 300, `only ${windows} windows compared`);
});

/** Writes in [a, b]: the writes at b itself included. */
const bruteForceWritesThrough = (senders: Array<{ spawn: number; removedAt: number }>, a: number, b: number, startsAfter: boolean) =>
  bruteForceWrites(senders, a, b + 1) - (startsAfter ? bruteForceWrites(senders, a, a + 1) : 0);

test('a window may end through its end instant (countThrough), mixed with windows that end before it', () => {
  // The period report comes after everything of its instant: spawns and removals at
  // the end itself, spawns at whole ms and at odd µs, in runs and one by one.
  const rng = deriveStream(7, 'test', 'sync-through');
  const agg = new SyncSenders(P);
  const residuesUs = Float64Array.from([0, 1000, 2_500_000, 2_500_001, 4_999_000]);
  const intervalUs = 5_000_000;
  const senders: Array<{ spawn: number; removedAt: number }> = [];
  let now = 0;
  let windowStart = 0;
  let startsAfter = false;
  let throughs = 0;
  let atEnd = 0;
  for (let step = 0; step < 600; step++) {
    now += rng.nextIntBelow(2) === 0 ? 1000 * rng.nextIntBelow(8000) : rng.nextIntBelow(3_000_000);
    if (rng.nextIntBelow(4) === 0) {
      // A whole cycle of a periodic source, starting at the next cycle boundary.
      const cycleStartUs = Math.ceil(now / intervalUs) * intervalUs;
      agg.addRun(residuesUs, intervalUs, 0, residuesUs.length, cycleStartUs);
      for (const r of residuesUs) senders.push({ spawn: cycleStartUs + r, removedAt: Infinity });
      now = cycleStartUs + (residuesUs[residuesUs.length - 1] as number);
    } else {
      agg.add(now);
      senders.push({ spawn: now, removedAt: Infinity });
    }
    const victim = senders[rng.nextIntBelow(senders.length)]!;
    if (victim.removedAt === Infinity && victim.spawn <= now && rng.nextIntBelow(4) === 0) {
      victim.removedAt = now;
      agg.remove(victim.spawn, now);
    }
    if (rng.nextIntBelow(2) === 0) {
      // Through an instant at or after now, often one where writes fall.
      const firing = senders[rng.nextIntBelow(senders.length)]!.spawn + P * (1 + rng.nextIntBelow(3));
      const end = firing % 1000 === 0 && firing >= now ? firing : Math.ceil(now / 1000) * 1000;
      if (senders.some((s) => s.spawn < end && (end - s.spawn) % P === 0 && s.removedAt > end)) atEnd++;
      assert.equal(agg.countThrough(end), bruteForceWritesThrough(senders, windowStart, end, startsAfter), `window through ${end}`);
      [windowStart, startsAfter, now] = [end, true, end];
      throughs++;
    } else {
      const end = Math.ceil(now / 1000) * 1000;
      const expected: number = bruteForceWrites(senders, windowStart, end) - (startsAfter ? bruteForceWrites(senders, windowStart, windowStart + 1) : 0);
      assert.equal(agg.countUntil(end), Math.max(0, expected), `window until ${end}`);
      if (end > windowStart) startsAfter = false;
      [windowStart, now] = [end, end];
    }
  }
  assert.ok(throughs > 200 && atEnd > 50, `${throughs} windows through an end, ${atEnd} with writes at it`);
});
