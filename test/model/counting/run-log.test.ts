import assert from 'node:assert/strict';
import test from 'node:test';
import { CandidateBlocks } from '../../../src/model/logic/candidate-blocks.js';
import { RunLog } from '../../../src/model/counting/run-log.js';

const source = new Int32Array(10);
const other = new Int32Array(10);

test('runs that chain around the source order from some position make a whole cycle', () => {
  const log = new RunLog();
  log.note(source, 0, 4, 0); // blocks 0-3: cycle 0, positions 0-3 (before the temp blocks)
  log.note(source, 4, 7, 4); // blocks 4-6: positions 4-6
  log.note(source, 7, 10, 7);
  log.note(source, 0, 4, 10); // the next cycle
  log.note(source, 4, 10, 14);
  assert.equal(log.wholeCycle(4, 14), source);
  assert.equal(log.wholeCycleStart, 4);
  assert.deepEqual(log.wholeCycle(14, 14 + 6), null, 'six blocks are not a cycle of ten');
});

test('a gap, another source, a position skipped or too many blocks are not a whole cycle', () => {
  const gap = new RunLog();
  gap.note(source, 0, 5, 0);
  gap.note(source, 5, 10, 6); // block 5 came from elsewhere
  assert.equal(gap.wholeCycle(0, 11), null);

  const mixed = new RunLog();
  mixed.note(source, 0, 5, 0);
  mixed.note(other, 5, 10, 5);
  assert.equal(mixed.wholeCycle(0, 10), null);

  const skipped = new RunLog();
  skipped.note(source, 0, 5, 0);
  skipped.note(source, 6, 10, 5);
  skipped.note(source, 0, 1, 9);
  assert.equal(skipped.wholeCycle(0, 10), null);

  const twice = new RunLog();
  twice.note(source, 0, 10, 0);
  twice.note(source, 0, 10, 10);
  assert.equal(twice.wholeCycle(0, 20), null);
  assert.equal(twice.wholeCycle(10, 20), source);
  assert.equal(twice.wholeCycleStart, 0);
});

test('forgets runs before the temp blocks, however many there were', () => {
  const log = new RunLog();
  for (let k = 0; k < 1000; k++) log.note(source, 0, 10, 10 * k);
  assert.equal(log.wholeCycle(9990, 10_000), source);
  assert.equal(log.wholeCycleStart, 0);
  assert.equal(log.wholeCycle(10_000, 10_000), null);
});

test('unwritten blocks of a run are written when read: one alone, or whole runs over a range', () => {
  const blocks = new CandidateBlocks();
  const order = Int32Array.from([2, 0, 1]);
  const residuesUs = Float64Array.from([5, 6, 9]);
  const bpm = Float64Array.from([70, 71, 72]);
  const log = new RunLog(Int32Array.from([10, 11, 12])); // address slots by connection
  blocks.reserve(3);
  blocks.commitPuts(3);
  log.noteUnwritten(order, 0, 3, 0, residuesUs, bpm, 1000, 4);
  const read = (index: number) => {
    const slot = blocks.tempSlot(index); // no intake yet: block i sits at temp slot i
    return [blocks.connection[slot], blocks.address[slot], blocks.bpm[slot], blocks.submittedUs[slot], blocks.builtOn[slot]];
  };
  log.writeOne(blocks, 1);
  assert.deepEqual(read(1), [0, 10, 70, 1006, 4]);
  assert.deepEqual(read(2), [0, 0, 0, 0, 0], 'only the block asked for');
  log.write(blocks, 0, 3);
  assert.deepEqual(read(0), [2, 12, 72, 1005, 4]);
  assert.deepEqual(read(2), [1, 11, 71, 1009, 4]);
});
