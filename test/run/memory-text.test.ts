import { test } from 'node:test';
import assert from 'node:assert/strict';
import { MemoryFolder, MemoryText } from '../../src/run/memory-text.js';

test('MemoryText keeps every byte, a character cut by a flush included', () => {
  // A 4-byte buffer: "€" (3 bytes) is cut across flushes.
  const sink = new MemoryText(4);
  const text = 'a€b€€c,12\n';
  for (const ch of text) sink.write(ch);
  sink.pending.number(-345);
  sink.flushIfFull();
  sink.close();
  assert.equal(sink.text(), `${text}-345`);
});

test('MemoryFolder keeps the files it is not told to discard', () => {
  const folder = new MemoryFolder(new Set(['rounds.csv']));
  const kept = folder.open('summary.json');
  kept.write('{}\n');
  kept.close();
  const dropped = folder.open('rounds.csv');
  for (let i = 0; i < 5000; i++) dropped.write('1,2,3\n');
  dropped.close();
  assert.equal(folder.text('summary.json'), '{}\n');
  assert.equal(folder.text('rounds.csv'), null);
  assert.equal(folder.text('never.csv'), null);
});
