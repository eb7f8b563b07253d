import assert from 'node:assert/strict';
import { test } from 'node:test';
import { auditChain, UnknownValidatorError } from '../../src/audit/chain-audit.js';
import type { SeedBlock } from '../../src/audit/seed-chain.js';

const block = (Index: number, seconds: number, PrevHash: string, Hash: string, Validator: string): SeedBlock => ({
  Index,
  BPM: 9,
  Timestamp: `2018-08-07 20:44:${String(seconds).padStart(2, '0')}`,
  PrevHash,
  Validator,
  Hash,
});

// Block 2 is built on the genesis block (an old tip): a stale link; block 3 follows block 2.
const chain = [block(0, 0, '', 'h0', ''), block(1, 10, 'h0', 'h1', 'a'), block(1, 15, 'h0', 'h2', 'b'), block(2, 30, 'h2', 'h3', 'a')];

test('auditChain counts stale links, gaps from the Timestamps, and wins per address', () => {
  const audit = auditChain(chain, new Map([['a', 300], ['b', 100]]));
  assert.equal(audit.rounds, 3);
  assert.equal(audit.staleLinks, 1);
  assert.deepEqual(audit.gapsSeconds, [10, 5, 15]);
  assert.equal(audit.longGaps, 2);
  assert.deepEqual(audit.wins, [2, 1]);
  // Everyone in every round: expected wins 3 x 3/4 and 3 x 1/4, z = (2 - 2.25) / sqrt(3 x 3/16).
  assert.ok(Math.abs((audit.fairness.validators[0]?.z as number) - -0.25 / Math.sqrt(9 / 16)) < 1e-12);
});

test('auditChain multiplies gaps by the speed-up the server ran at', () => {
  assert.deepEqual(auditChain(chain, new Map([['a', 1], ['b', 1]]), { speedup: 20 }).gapsSeconds, [200, 100, 300]);
});

test('auditChain refuses a winner the stakes table does not hold', () => {
  assert.throws(() => auditChain(chain, new Map([['a', 1]])), (e: unknown) => e instanceof UnknownValidatorError && /block 2: Validator b/.test(e.message));
});
