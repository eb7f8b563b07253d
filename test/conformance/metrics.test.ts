import assert from 'node:assert/strict';
import { test } from 'node:test';
import { realRunMetrics, type RealEvent, type RealRun } from '../../src/conformance/metrics.js';

const genesis = { Index: 0, Timestamp: '2026-12-04 05:00:00.000001', BPM: 0, PrevHash: '', Validator: '', Hash: 'g' };
const run = (events: RealEvent[]): RealRun => ({
  speedup: 20,
  duration: 60,
  events: [{ kind: 'genesis', t: 0, block: genesis }, ...events],
  clients: [{ id: 'a', announcements: 0 }],
});
const add = (t: number, hash: string): RealEvent => ({ kind: 'temp_add', t, hash });

test('never drawn, from the draws: a block added and never in temp_blocks when choice() ran, over all added (those after the last draw count as added, not undrawn: as pos-sim counts them)', () => {
  const metrics = realRunMetrics(
    run([
      add(5, 'a'),
      add(5, 'b'),
      { kind: 'draw', t: 10, tickets: 100, temp: 2, hashes: ['a', 'b'] },
      add(10.01, 'c'), // added during the draw: wiped by its clear
      add(15, 'd'),
      { kind: 'draw', t: 15.1, tickets: 50, temp: 1, hashes: ['d'] },
      add(20, 'e'), // after the last draw: may still be drawn
    ]),
  );
  assert.equal(metrics.neverDrawnShare, 1 / 5);
});

test('never drawn, in runs recorded before: the undrawn counts of the clears over all blocks added', () => {
  const metrics = realRunMetrics(
    run([add(5, 'a'), add(5, 'b'), { kind: 'draw', t: 10, tickets: 100, temp: 2 }, { kind: 'clear', t: 10.1, blocks: 2, undrawn: 0 }, add(15, 'c'), { kind: 'clear', t: 15.1, blocks: 1, undrawn: 1 }]),
  );
  assert.equal(metrics.neverDrawnShare, 1 / 3);
});
