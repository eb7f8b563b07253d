import { test } from 'node:test';
import assert from 'node:assert/strict';
import { EventQueue } from '../../src/reference/event-queue.js';
import { deriveStream } from '../../src/rng/stream.js';

test('events come out by time, then priority, then key, then in the order they were scheduled', () => {
  const rng = deriveStream(1, 'test', 'reference-queue');
  const queue = new EventQueue();
  const pushed: Array<[number, number, number, number]> = [];
  for (let i = 0; i < 500; i++) {
    const event: [number, number, number, number] = [rng.nextIntBelow(5), rng.nextIntBelow(3), rng.nextIntBelow(3), i];
    pushed.push(event);
    queue.push(event[0], event[1], event[2], () => undefined);
  }
  const popped: Array<[number, number, number, number]> = [];
  while (queue.size > 0) {
    const e = queue.pop();
    popped.push([e.timeUs, e.priority, e.key, e.sequence]);
  }
  const sorted = [...pushed].sort((a, b) => a[0] - b[0] || a[1] - b[1] || a[2] - b[2] || a[3] - b[3]);
  assert.deepEqual(popped, sorted);
});
