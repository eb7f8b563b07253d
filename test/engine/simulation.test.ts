import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { BatchSource } from '../../src/engine/batch-source.js';
import { Simulation } from '../../src/engine/simulation.js';
import { startRepeating } from '../../src/engine/repeating.js';

type Trace = Array<[number, string]>;

function tracer(sim: Simulation, trace: Trace) {
  return (what: string) => sim.register(() => trace.push([sim.now, what]));
}

test('same-instant events run by priority, then in scheduling order', () => {
  const sim = new Simulation();
  const trace: Trace = [];
  const on = tracer(sim, trace);
  const a = on('a');
  const b = on('b');
  const c = on('c');
  const d = on('d');
  sim.schedule(10, 2, a);
  sim.schedule(10, 0, b);
  sim.schedule(5, 9, c);
  sim.schedule(10, 0, d);
  sim.schedule(10, 2, b);
  sim.runUntil(Infinity);
  assert.deepEqual(trace, [
    [5, 'c'],
    [10, 'b'],
    [10, 'd'],
    [10, 'a'],
    [10, 'b'],
  ]);
});

test('FIFO holds for many same-instant events (heap reordering does not leak)', () => {
  const sim = new Simulation();
  const order: number[] = [];
  const h = sim.register((arg) => order.push(arg));
  for (let i = 0; i < 1000; i++) sim.schedule(7, 1, h, i);
  sim.runUntil(Infinity);
  assert.deepEqual(order, Array.from({ length: 1000 }, (_, i) => i));
});

test('runUntil excludes events at the bound and can be resumed', () => {
  const sim = new Simulation();
  const trace: Trace = [];
  const x = tracer(sim, trace)('x');
  for (const t of [0, 5, 10, 15]) sim.schedule(t, 0, x);
  sim.runUntil(10);
  assert.deepEqual(trace, [
    [0, 'x'],
    [5, 'x'],
  ]);
  assert.equal(sim.now, 10);
  sim.runUntil(16);
  assert.deepEqual(trace.map(([t]) => t), [0, 5, 10, 15]);
});

test('periodic timers interleave with a fixed order at shared instants', () => {
  const sim = new Simulation();
  const trace: Trace = [];
  startRepeating(sim, 0, 1, () => (trace.push([sim.now, 'intake']), sim.now + 5));
  startRepeating(sim, 10, 2, () => (trace.push([sim.now, 'lottery']), sim.now + 10));
  sim.runUntil(21);
  assert.deepEqual(trace, [
    [0, 'intake'],
    [5, 'intake'],
    [10, 'intake'],
    [10, 'lottery'],
    [15, 'intake'],
    [20, 'intake'],
    [20, 'lottery'],
  ]);
});

test('a repeating thread decides its next wake-up and can end itself', () => {
  const sim = new Simulation();
  const trace: Trace = [];
  const delays = [3, 4, 5];
  startRepeating(sim, 1, 0, () => {
    trace.push([sim.now, 'wake']);
    const d = delays.shift();
    return d === undefined ? null : sim.now + d;
  });
  sim.runUntil(Infinity);
  assert.deepEqual(trace.map(([t]) => t), [1, 4, 8, 13]);
});

test('stop ends the run after the current event', () => {
  const sim = new Simulation();
  let n = 0;
  const h = sim.register(() => {
    if (++n === 3) sim.stop();
  });
  for (let t = 0; t < 10; t++) sim.schedule(t, 0, h);
  sim.runUntil(Infinity);
  assert.equal(n, 3);
  assert.equal(sim.now, 2);
});

test('scheduling in the past or at a bad priority is refused', () => {
  const sim = new Simulation();
  const h = sim.register(() => undefined);
  sim.schedule(5, 0, h);
  sim.runUntil(Infinity);
  assert.throws(() => sim.schedule(4, 0, h), /time must be an integer >= now/);
  assert.throws(() => sim.schedule(6, -1, h), /priority/);
  assert.throws(() => sim.schedule(6.5, 0, h), /integer/);
});

/** A test source: `count` items at first, first + period, ... each calling `onItem(arg)`; a stand-in for a model's periodic events. */
class EverySource implements BatchSource {
  frontTime: number;
  frontRank: number;
  private fired = 0;
  constructor(
    private readonly sim: Simulation,
    private readonly first: number,
    private readonly period: number,
    private readonly key: number,
    private readonly count: number,
    private readonly onItem: () => void,
  ) {
    this.frontTime = count > 0 ? first : Infinity;
    this.frontRank = Simulation.rankOf(0, key);
  }
  runBatch(): void {
    while (this.sim.mayRunItem(this.frontTime, this.frontRank)) {
      this.sim.enterItem(this.frontTime);
      this.onItem();
      this.fired++;
      this.frontTime = this.fired < this.count ? this.first + this.fired * this.period : Infinity;
    }
  }
}

/** Periodic items from sources, or the same items re-scheduled on the heap, among one-off events with ties. */
function traceWithSources(useSources: boolean, until = Infinity, stopAt = -1) {
  const sim = new Simulation();
  const trace: Array<[number, string]> = [];
  const oneOff = sim.register((arg) => {
    trace.push([sim.now, `one-off ${arg}`]);
    if (arg === stopAt) sim.stop();
  });
  const periodic = (key: number) => () => {
    trace.push([sim.now, `periodic ${key}`]);
    // An item that schedules an event ahead of the batch's other items: it must run in between.
    if (key === 2 && sim.now === 16) sim.schedule(17, 0, oneOff, 500, 1);
  };
  for (let key = 0; key < 5; key++) {
    const first = key * 4; // 0, 4, 8, 12, 16 with period 10: ties with the one-offs below
    if (useSources) sim.addSource(new EverySource(sim, first, 10, key * 2, 7, periodic(key)));
    else {
      let fired = 0;
      const id = sim.register(() => {
        periodic(key)();
        if (++fired < 7) sim.schedule(sim.now + 10, 0, id, 0, key * 2);
      });
      sim.schedule(first, 0, id, 0, key * 2);
    }
  }
  for (let t = 0; t < 70; t += 4) sim.schedule(t, 0, oneOff, t, 1 + (t % 3) * 2); // keys 1, 3, 5 interleave
  sim.schedule(30, 1, oneOff, 999, 0); // a later priority at a shared instant
  sim.runUntil(until);
  return { trace, now: sim.now, events: sim.eventsProcessed };
}

test('batch sources run in exactly the order the heap gives the same events', () => {
  const reference = traceWithSources(false);
  assert.ok(reference.trace.length > 50);
  assert.deepEqual(traceWithSources(true), reference);
});

test('batch sources stop where runUntil ends and where a handler stops the run', () => {
  assert.deepEqual(traceWithSources(true, 36), traceWithSources(false, 36));
  const stopped = traceWithSources(true, Infinity, 24);
  assert.deepEqual(stopped, traceWithSources(false, Infinity, 24));
  assert.deepEqual(stopped.trace.at(-1), [24, 'one-off 24']);
});

test('order keys break ties at an instant; without them, scheduling order does', () => {
  const sim = new Simulation();
  const seen: number[] = [];
  const h = sim.register((arg) => seen.push(arg));
  sim.schedule(5, 0, h, 30, 3);
  sim.schedule(5, 0, h, 10, 1);
  sim.schedule(5, 0, h, 20, 2);
  sim.schedule(5, 1, h, 40);
  sim.schedule(5, 1, h, 50);
  sim.runUntil(Infinity);
  assert.deepEqual(seen, [10, 20, 30, 40, 50]);
  assert.throws(() => sim.schedule(6, 0, h, 0, -1), /order key/);
  assert.throws(() => sim.schedule(6, 0, h, 0, 2 ** 40), /order key/);
});

test('a batch source that makes no progress is an error, not a hang', () => {
  const sim = new Simulation();
  sim.addSource({ frontTime: 3, frontRank: 0, runBatch: () => undefined });
  assert.throws(() => sim.runUntil(10), /made no progress at 3/);
});
