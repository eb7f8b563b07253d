import { test } from 'node:test';
import assert from 'node:assert/strict';
import { EventQueue, type PoppedEvent } from '../../src/engine/event-queue.js';
import { deriveStream } from '../../src/rng/stream.js';

test('events come out by (time, rank) through waves that grow the queue and drain it, and its room follows them', () => {
  const rng = deriveStream(1, 'test', 'event-queue');
  const queue = new EventQueue();
  // The reference: the pending events, sorted before each drain.
  let pending: Array<{ time: number; rank: number; arg: number }> = [];
  const out: PoppedEvent = { time: 0, handler: 0, arg: 0 };
  let now = 0;
  let next = 0;
  let shrank = 0;
  for (const peak of [20_000, 300, 50_000, 10, 5_000]) {
    while (pending.length < peak) {
      // Times tie often, and priorities within them; ranks stay unique, as the simulation's do.
      const event = { time: now + rng.nextIntBelow(50), rank: rng.nextIntBelow(4) * 2 ** 40 + next, arg: next++ };
      queue.push(event.time, event.rank, 7, event.arg);
      pending.push(event);
    }
    const grownTo = queue.capacity;
    assert.ok(grownTo >= queue.size && grownTo <= Math.max(64, 4 * queue.size), `room for ${grownTo} with ${queue.size} pending`);
    pending.sort((a, b) => a.time - b.time || a.rank - b.rank);
    const keep = Math.floor(peak / 20);
    for (const want of pending.splice(0, pending.length - keep)) {
      queue.pop(out);
      assert.deepEqual([out.time, out.handler, out.arg], [want.time, 7, want.arg]);
      now = out.time;
    }
    assert.equal(queue.size, keep);
    if (queue.capacity < grownTo) shrank++;
    assert.ok(queue.capacity <= Math.max(64, 4 * queue.size), `room for ${queue.capacity} with ${queue.size} pending`);
  }
  assert.ok(shrank >= 3, `the queue shrank after only ${shrank} of 5 waves`);
});
