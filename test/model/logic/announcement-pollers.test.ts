import { test } from 'node:test';
import assert from 'node:assert/strict';
import { AnnouncementPollers } from '../../../src/model/logic/announcement-pollers.js';
import { deriveStream } from '../../../src/rng/stream.js';

const P = 3000; // a 3 ms poll period: three buckets, many wake-ups per connection
const END = 120_000;

type Input = { t: number; kind: 'spawn' | 'close' | 'announce'; conn: number };

/** The poll period and the end of a test's time line, µs. */
interface Span {
  periodUs: number;
  endUs: number;
}
const SHORT: Span = { periodUs: P, endUs: END };
/**
 * 97 one-ms buckets, over four 32-bit words of the occupied-bucket bitmap (the last one
 * partly used), with inputs far apart so that wake-ups skip many empty buckets and wrap
 * around the period.
 */
const LONG: Span = { periodUs: 97_000, endUs: 4_000_000 };

/**
 * Spawns, closes and announcements at random. With `periodic`, each connection spawns
 * at its own fixed interval instead, cycling through a few residues of the poll
 * period as periodic clients do (the case the per-connection spawn cache serves).
 */
function randomInputs(seed: number, periodic = false, span: Span = SHORT): Input[] {
  const rng = deriveStream(seed, 'test', 'pollers');
  const inputs: Input[] = [];
  const open = new Set<number>();
  const scale = span.periodUs / P;
  const intervals = [1000, 1700, 2000, 4500, 6100, 7000].map((i) => Math.round(i * scale) + (scale > 1 ? 13 : 0));
  const lastSpawn = [-1, -1, -1, -1, -1, -1];
  for (let t = 0; t < span.endUs; t += 1 + rng.nextIntBelow(Math.round(900 * scale))) {
    const roll = rng.nextIntBelow(10);
    if (periodic && roll < 5) {
      for (let conn = 0; conn < 6; conn++) {
        // Spawns of the instants between this step and the last, at each connection's interval.
        const closedAlready = inputs.some((i) => i.kind === 'close' && i.conn === conn);
        const interval = intervals[conn]!;
        const last = lastSpawn[conn]!;
        for (let u = last < 0 ? conn * 37 : last + interval; u <= t && !closedAlready; u += interval) {
          open.add(conn);
          inputs.push({ t: u, kind: 'spawn', conn });
          lastSpawn[conn] = u;
        }
      }
    } else if (roll < 5) {
      const conn = rng.nextIntBelow(6);
      // Connections 4 and 5 reconnect never: once closed they stay closed.
      if (open.has(conn) || !inputs.some((i) => i.kind === 'close' && i.conn === conn)) {
        open.add(conn);
        inputs.push({ t, kind: 'spawn', conn });
      }
    } else if (roll < 6 && open.size > 0) {
      const conn = [...open][rng.nextIntBelow(open.size)]!;
      open.delete(conn);
      inputs.push({ t, kind: 'close', conn });
    } else {
      inputs.push({ t, kind: 'announce', conn: -1 });
      // Sometimes two messages in one instant, so several wait at once.
      if (roll === 9) inputs.push({ t, kind: 'announce', conn: -1 });
    }
  }
  return inputs;
}

/**
 * The definition: every poller a thread of its own, every instant looked at where
 * anything can happen (an input, or some poller's spawn + k·P).
 */
function reference(inputs: Input[], span: Span = SHORT) {
  const { periodUs, endUs } = span;
  const pollers: Array<{ conn: number; spawn: number; alive: boolean }> = [];
  const closed = new Set<number>();
  const delivered = new Map<number, number>();
  let queue = 0;
  let lost = 0;
  const give = (conn: number) => {
    delivered.set(conn, (delivered.get(conn) ?? 0) + queue);
    queue = 0;
  };
  const instants = new Set<number>();
  for (const input of inputs) {
    instants.add(input.t);
    if (input.kind === 'spawn') for (let t = input.t + periodUs; t < endUs; t += periodUs) instants.add(t);
  }
  let next = 0;
  for (const t of [...instants].sort((a, b) => a - b)) {
    while (next < inputs.length && inputs[next]!.t === t) {
      const input = inputs[next++]!;
      if (input.kind === 'spawn') {
        pollers.push({ conn: input.conn, spawn: t, alive: true });
        if (queue > 0) give(input.conn);
      } else if (input.kind === 'close') closed.add(input.conn);
      else queue++;
    }
    const waking = pollers
      .filter((p) => p.alive && p.spawn < t && (t - p.spawn) % periodUs === 0)
      .sort((a, b) => a.conn - b.conn || a.spawn - b.spawn);
    for (const p of waking) {
      if (queue === 0) break;
      if (!closed.has(p.conn)) give(p.conn);
      else {
        queue--;
        lost++;
        p.alive = false;
      }
    }
  }
  return { delivered, lost, pending: queue, alive: pollers.filter((p) => p.alive).length };
}

/**
 * @param periodic connections declared to type every `intervalUs`: their spawns go through spawnForLine
 * @param connects periodic connections whose first spawn is their connect's (through spawn, as the server makes it), not a line
 */
function aggregate(inputs: Input[], span: Span = SHORT, periodic: ReadonlyMap<number, number> = new Map(), connects: ReadonlySet<number> = new Set()) {
  const delivered = new Map<number, number>();
  const pollers = new AnnouncementPollers(span.periodUs, 6, (conn, n) => delivered.set(conn, (delivered.get(conn) ?? 0) + n));
  for (const [conn, intervalUs] of periodic) pollers.declarePeriodic(conn, intervalUs);
  const closed = new Set<number>();
  const wakes = new Set<number>();
  const spawnsOf = new Map<number, number>();
  const isOpen = (conn: number) => !closed.has(conn);
  let next = 0;
  for (let t = 0; t < span.endUs; t++) {
    while (next < inputs.length && inputs[next]!.t === t) {
      const input = inputs[next++]!;
      if (input.kind === 'spawn') {
        const k = spawnsOf.get(input.conn);
        if (k === undefined && connects.has(input.conn)) {
          pollers.spawn(input.conn, t);
          spawnsOf.set(input.conn, 0);
          continue;
        }
        if (periodic.has(input.conn)) pollers.spawnForLine(input.conn, k ?? 0, t);
        else pollers.spawn(input.conn, t);
        spawnsOf.set(input.conn, (k ?? 0) + 1);
      }
      else if (input.kind === 'close') {
        closed.add(input.conn);
        pollers.close(input.conn, spawnsOf.get(input.conn) ?? 0);
      } else {
        const w = pollers.announce(t);
        if (w !== null) wakes.add(w);
      }
    }
    if (wakes.delete(t)) {
      const w = pollers.wake(t, isOpen);
      if (w !== null) wakes.add(w);
    }
  }
  return { delivered, lost: pollers.totals.lost, pending: pollers.pending, alive: pollers.count };
}

for (const [seed, periodic, span] of [
  [1, false, SHORT],
  [2, false, SHORT],
  [3, false, SHORT],
  [4, false, SHORT],
  [5, true, SHORT],
  [6, true, SHORT],
  [7, false, LONG],
  [8, true, LONG],
] as const) {
  const what = `seed ${seed}${periodic ? ', periodic spawns' : ''}${span === LONG ? ', 97 buckets' : ''}`;
  test(`aggregate pollers deliver and lose exactly as one thread per poller would (${what})`, () => {
    const inputs = randomInputs(seed, periodic, span).sort((a, b) => a.t - b.t);
    const want = reference(inputs, span);
    const got = aggregate(inputs, span);
    assert.ok(want.lost > 0, 'the random inputs must exercise lost messages');
    assert.deepEqual([...got.delivered].sort(), [...want.delivered].sort());
    assert.equal(got.lost, want.lost);
    assert.equal(got.pending, want.pending);
    assert.equal(got.alive, want.alive);
  });
}

/**
 * Connections declared periodic, as the server makes them: a connect's poller, then a
 * line every interval from a first line at or after it, until a close (or the end);
 * announcements at random, some at a spawn's instant. The intervals are fractions of
 * the period whose cycles run from 1 to 8 points (held one entry per open connection)
 * and one of 30 (grouped per point).
 */
function randomPeriodicInputs(seed: number, span: Span) {
  const rng = deriveStream(seed, 'test', 'periodic pollers');
  const P = span.periodUs;
  const intervals = [(10 * P) / 3, (3 * P) / 2, (5 * P) / 4, P, (6 * P) / 5, (9 * P) / 8, (17 * P) / 30, P / 3];
  const inputs: Input[] = [];
  const periodic = new Map<number, number>();
  const connects = new Set<number>();
  const spawnTimes: number[] = [];
  for (let conn = 0; conn < 6; conn++) {
    const intervalUs = intervals[rng.nextIntBelow(intervals.length)]!;
    periodic.set(conn, intervalUs);
    const connectUs = rng.nextIntBelow(span.endUs / 4);
    // Half connect with a poller of their own, some with their first line at that instant.
    if (rng.nextIntBelow(2) === 0) {
      connects.add(conn);
      inputs.push({ t: connectUs, kind: 'spawn', conn });
      spawnTimes.push(connectUs);
    }
    const firstUs = connectUs + (rng.nextIntBelow(3) === 0 ? 0 : rng.nextIntBelow(intervalUs));
    const closeUs = rng.nextIntBelow(3) === 0 ? span.endUs : firstUs + rng.nextIntBelow(span.endUs - firstUs);
    for (let t = firstUs; t < closeUs; t += intervalUs) {
      inputs.push({ t, kind: 'spawn', conn });
      spawnTimes.push(t);
    }
    if (closeUs < span.endUs) inputs.push({ t: closeUs, kind: 'close', conn });
  }
  for (let t = rng.nextIntBelow(P); t < span.endUs; t += 1 + rng.nextIntBelow(P / 2)) {
    inputs.push({ t, kind: 'announce', conn: -1 });
    if (rng.nextIntBelow(4) === 0) inputs.push({ t, kind: 'announce', conn: -1 });
  }
  for (let i = 0; i < 20; i++) inputs.push({ t: spawnTimes[rng.nextIntBelow(spawnTimes.length)]!, kind: 'announce', conn: -1 });
  // Stable: a connect's spawn stays ahead of a first line at its instant.
  inputs.sort((a, b) => a.t - b.t);
  return { inputs, periodic, connects };
}

/** 96 one-ms buckets: the held lines' points spread over several buckets and words. */
const MID: Span = { periodUs: 96_000, endUs: 4_000_000 };

for (const [seed, span] of [[11, SHORT], [12, SHORT], [13, SHORT], [14, SHORT], [15, SHORT], [16, MID], [17, MID], [18, MID]] as const) {
  test(`periodic connections, their line pollers held per connection while open: as one thread per poller (seed ${seed}, ${span.periodUs / 1000} buckets)`, () => {
    const { inputs, periodic, connects } = randomPeriodicInputs(seed, span);
    const want = reference(inputs, span);
    const got = aggregate(inputs, span, periodic, connects);
    assert.ok(want.delivered.size > 1, 'messages must reach several connections');
    assert.equal(got.lost, want.lost);
    assert.deepEqual([...got.delivered].sort(), [...want.delivered].sort());
    assert.equal(got.pending, want.pending);
    assert.equal(got.alive, want.alive);
  });
}

test('spawns every interval cycle through P / gcd(interval, P) residues of the poll period', () => {
  const pollers = new AnnouncementPollers(3_000_000, 1, () => undefined);
  // 10 s mod 3 s = 1 s: residues r, r+1 s, r+2 s, then r again.
  assert.equal(pollers.cycleLength(10_000_000), 3);
  assert.equal(pollers.cycleLength(3_000_000), 1);
  assert.equal(pollers.cycleLength(4_500_000), 2);
  assert.equal(pollers.cycleLength(1_700_000), 30);
  assert.equal(pollers.cycleLength(1), 3_000_000);
});

test('a connection declared periodic: its repeat spawns are only counted, and closing settles them (same as one poller per line)', () => {
  // Lines every 10 ms against a 3 ms poll period: three residues, then repeats from line 3 on.
  const inputs: Input[] = [];
  for (let k = 0; k < 20; k++) inputs.push({ t: 1 + k * 10 * P / 3, kind: 'spawn', conn: 0 });
  for (let k = 0; k < 5; k++) inputs.push({ t: 2 + k * P, kind: 'spawn', conn: 1 });
  inputs.push({ t: 200 * P / 3 + 2, kind: 'close', conn: 0 });
  for (let m = 0; m < 40; m++) inputs.push({ t: 70 * P + m * 11, kind: 'announce', conn: -1 });
  inputs.sort((a, b) => a.t - b.t);
  const span = { periodUs: P, endUs: 90 * P };
  const want = reference(inputs, span);
  const got = aggregate(inputs, span, new Map([[0, (10 * P) / 3]]));
  assert.ok(want.lost > 0, 'some announcements go to the closed connection\'s pollers');
  assert.equal(got.lost, want.lost);
  assert.deepEqual([...got.delivered].sort(), [...want.delivered].sort());
  assert.equal(got.alive, want.alive);
});

test("a periodic connection whose lines spawn where its connect's poller did: the groups merge, every poller counted once", () => {
  // Connect at 1 µs, lines every 10/3 periods from 1 + P: line 0 (and every third after it) at the connect's point.
  for (const closeAfter of [1, 2, 3, 20]) {
    const inputs: Input[] = [{ t: 1, kind: 'spawn', conn: 0 }];
    for (let k = 0; k < closeAfter; k++) inputs.push({ t: 1 + P + k * 10 * P / 3, kind: 'spawn', conn: 0 });
    inputs.push({ t: 2, kind: 'spawn', conn: 1 });
    inputs.push({ t: 80 * P + 5, kind: 'close', conn: 0 });
    for (let m = 0; m < 40; m++) inputs.push({ t: 81 * P + m * 11, kind: 'announce', conn: -1 });
    inputs.sort((a, b) => a.t - b.t);
    const span = { periodUs: P, endUs: 95 * P };
    const want = reference(inputs, span);
    const got = aggregate(inputs, span, new Map([[0, (10 * P) / 3]]), new Set([0]));
    assert.equal(want.lost, closeAfter + 1, "each of connection 0's pollers takes a message and dies");
    assert.equal(got.lost, want.lost, `${closeAfter} lines`);
    assert.deepEqual([...got.delivered].sort(), [...want.delivered].sort());
    assert.equal(got.alive, want.alive);
  }
});

test('a connection cycling through more residues than its spawn cache counts every poller once its groups merge', () => {
  // Five residues in turn: every spawn misses the four-entry cache and adds a group the
  // sorted buckets do not hold yet, so equal groups meet when a bucket is merged.
  const inputs: Input[] = [];
  for (let k = 0; k < 10; k++) for (const r of [0, 100, 200, 300, 400]) inputs.push({ t: k * P + r, kind: 'spawn', conn: 0 });
  inputs.push({ t: 10 * P, kind: 'spawn', conn: 1 });
  inputs.push({ t: 10 * P + 50, kind: 'close', conn: 0 });
  // 60 messages: each of connection 0's 50 pollers takes one and dies; connection 1 gets the rest.
  for (let m = 0; m < 60; m++) inputs.push({ t: 11 * P + m * 7, kind: 'announce', conn: -1 });
  const want = reference(inputs);
  const got = aggregate(inputs);
  assert.equal(want.lost, 50);
  assert.equal(got.lost, want.lost);
  assert.deepEqual([...got.delivered].sort(), [...want.delivered].sort());
  assert.equal(got.alive, want.alive);
});
