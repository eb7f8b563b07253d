import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ChainTextError, lastChainIn } from '../../src/audit/seed-chain.js';

const block = (index: number, prev: string, hash: string) =>
  `{"Index": ${index}, "BPM": 9, "Timestamp": "2018-08-07 20:44:0${index}", "PrevHash": "${prev}", "Validator": "v", "Hash": "${hash}"}`;

test('lastChainIn reads a plain json.dumps array', () => {
  const chain = lastChainIn(`[${block(0, '', 'h0')}, ${block(1, 'h0', 'h1')}]`);
  assert.deepEqual(chain.map((b) => b.Hash), ['h0', 'h1']);
});

test('lastChainIn takes the last complete array of a captured stream, among prompts and a cut-off array', () => {
  const stream =
    `Enter token balance:\nEnter a new BPM:[${block(0, '', 'h0')}]\n` +
    `\nabc 赢得了记账权利\n\nEnter a new BPM:[${block(0, '', 'h0')}, ${block(1, 'h0', 'h1')}]` +
    `Enter a new BPM:\n[${block(0, '', 'h0')}, ${block(1, 'h0', 'h1')}, {"Index": 2, "BPM"`;
  assert.equal(lastChainIn(stream).length, 2);
});

test('lastChainIn is not fooled by brackets inside strings', () => {
  const chain = lastChainIn(`[{"Index": 0, "Timestamp": "]", "BPM": 0, "PrevHash": "[", "Validator": "}", "Hash": "h"}]`);
  assert.equal(chain[0]?.Timestamp, ']');
});

test('lastChainIn names what is missing', () => {
  assert.throws(() => lastChainIn('Enter token balance:\n'), ChainTextError);
  assert.throws(() => lastChainIn('[{"Index": 0, "Timestamp": 5, "PrevHash": "", "Validator": "", "Hash": ""}]'), /block 0\.Timestamp: expected a string, got 5/);
});
