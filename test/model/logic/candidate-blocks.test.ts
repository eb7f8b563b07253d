import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CandidateBlocks } from '../../../src/model/logic/candidate-blocks.js';

/** Block `k`'s fields, distinct per block. */
const fieldsOf = (k: number) => [k % 97, k % 13, 60 + (k % 40), 1_000_000 + k, k >> 3] as const;

/** The queue's blocks in order, as fields, read through the ring. */
function queued(blocks: CandidateBlocks): number[][] {
  const out: number[][] = [];
  for (let i = blocks.candidateStartIndex; i < blocks.endIndex; i++) {
    // Block i sits at slot i mod the ring's size (a power of two).
    const at = i & (blocks.connection.length - 1);
    out.push([blocks.connection[at]!, blocks.address[at]!, blocks.bpm[at]!, blocks.submittedUs[at]!, blocks.builtOn[at]!]);
  }
  return out;
}

test('blocks keep their fields and order when a reserve grows the ring by many doublings at once, from a wrapped start', () => {
  const blocks = new CandidateBlocks();
  // Wrap the ring: 1,000 in and out, then 700 waiting across the end of the 1,024 slots.
  for (let k = 0; k < 1000; k++) blocks.put(...fieldsOf(k));
  blocks.intake();
  blocks.clearTemp();
  for (let k = 1000; k < 1700; k++) blocks.put(...fieldsOf(k));
  // A run of 300,000 lines: from 1,024 slots to 2^19 in one reserve.
  const first = blocks.endIndex;
  blocks.reserve(300_000);
  for (let k = 0; k < 300_000; k++) blocks.write(first + k, ...fieldsOf(1700 + k));
  blocks.commitPuts(300_000);
  assert.equal(blocks.connection.length, 2 ** 19);
  assert.equal(blocks.queuedCount, 300_700);
  assert.deepEqual(queued(blocks), Array.from({ length: 300_700 }, (_, k) => [...fieldsOf(1000 + k)]));
  // One more put past a full ring doubles it.
  const full = new CandidateBlocks();
  for (let k = 0; k < 1025; k++) full.put(...fieldsOf(k));
  assert.equal(full.connection.length, 2048);
  assert.deepEqual(queued(full), Array.from({ length: 1025 }, (_, k) => [...fieldsOf(k)]));
});
