import { test } from 'node:test';
import assert from 'node:assert/strict';
import { drawPoolMember } from '../../../src/model/logic/lottery-draw.js';
import { deriveStream, streamFromUint32 } from '../../../src/rng/stream.js';

/** A stream whose next draw below n is exactly `ticket` (valid for n <= 2^32). */
const fixedTicket = (ticket: number) => streamFromUint32(() => ticket);

test('every ticket maps to the member holding it: P(member) = stake / pool stake exactly', () => {
  for (const stakes of [[1], [3, 1, 2], [5, 7, 1, 1, 10], [100, 100, 100]]) {
    const total = stakes.reduce((a, b) => a + b, 0);
    const pool = Float64Array.from(stakes);
    const tickets = new Array<number>(stakes.length).fill(0);
    for (let t = 0; t < total; t++) {
      const member = drawPoolMember(pool, stakes.length, total, fixedTicket(t));
      tickets[member]!++;
    }
    assert.deepEqual(tickets, stakes);
  }
});

test('ticket ranges follow pool order: member i holds [sum before i, sum through i)', () => {
  const pool = Float64Array.from([2, 3]);
  const owners = [0, 1, 2, 3, 4].map((t) => drawPoolMember(pool, 2, 5, fixedTicket(t)));
  assert.deepEqual(owners, [0, 0, 1, 1, 1]);
});

test('only the first `count` entries of the reused buffer take part', () => {
  const pool = Float64Array.from([1, 1, 1000]);
  for (let t = 0; t < 2; t++) assert.ok(drawPoolMember(pool, 2, 2, fixedTicket(t)) < 2);
});

test('a pool stake above 2^32 still draws without bias over whole tickets', () => {
  const big = 2 ** 40;
  const pool = Float64Array.from([big, 1]);
  const rng = deriveStream(5, 'test', 'big');
  for (let i = 0; i < 1000; i++) assert.equal(drawPoolMember(pool, 2, big + 1, rng) >= 0, true);
  // The last ticket of all belongs to the second member.
  const last = streamFromUint32((() => {
    const words = [Math.floor(big / 2 ** 32) << 11, 0]; // 53-bit value = big exactly
    return () => words.shift() ?? 0;
  })());
  assert.equal(drawPoolMember(pool, 2, big + 1, last), 1);
});
