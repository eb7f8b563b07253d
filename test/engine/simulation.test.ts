import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Simulation } from '../../src/engine/simulation.js';
import { startPeriodic, startRepeating } from '../../src/engine/repeating.js';

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
  startPeriodic(sim, 0, 5, 1, () => (trace.push([sim.now, 'intake']), true));
  startPeriodic(sim, 10, 10, 2, () => (trace.push([sim.now, 'lottery']), true));
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

test('events in a FIFO lane run in exactly the order the heap would give them', () => {
  // The same schedule twice: once all on the heap, once with the monotone part in a lane.
  const run = (useLane: boolean) => {
    const sim = new Simulation();
    const trace: Array<[number, number]> = [];
    const h = sim.register((arg) => {
      trace.push([sim.now, arg]);
      // Each "periodic" event re-schedules itself 10 later; ties with heap events abound.
      if (arg < 100 && sim.now < 60) {
        if (useLane && sim.laneAccepts(lane, sim.now + 10)) sim.scheduleInLane(lane, sim.now + 10, arg);
        else sim.schedule(sim.now + 10, 0, h, arg);
      }
    });
    const lane = sim.createLane(0, h);
    for (let i = 0; i < 5; i++) sim.schedule(i * 3, 0, h, i); // periodic ones, phases 0, 3, 6, 9, 12
    for (let t = 0; t < 70; t += 5) sim.schedule(t, 0, h, 100 + t); // one-off events at shared instants
    sim.schedule(30, 1, h, 999); // a later priority at a shared instant
    sim.runUntil(Infinity);
    return trace;
  };
  assert.deepEqual(run(true), run(false));
});

test('a lane refuses an event earlier than its last one', () => {
  const sim = new Simulation();
  const lane = sim.createLane(0, sim.register(() => undefined));
  sim.scheduleInLane(lane, 10);
  assert.equal(sim.laneAccepts(lane, 9), false);
  assert.throws(() => sim.scheduleInLane(lane, 9), /lane's last time/);
});
