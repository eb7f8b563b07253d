import { test } from 'node:test';
import assert from 'node:assert/strict';
import { internalError, notAWholeNumber, shardsMissing, systemRefusal } from '../../src/cli/messages.js';

// The texts themselves are asserted where the CLI prints them (test/cli/*.test.ts); here,
// the wording each message chooses from its values.

test('notAWholeNumber names the range: open above when there is no maximum', () => {
  assert.equal(notAWholeNumber('rounds', 1, Number.MAX_SAFE_INTEGER, '0x10'), '--rounds must be a whole number >= 1, got "0x10"');
  assert.equal(notAWholeNumber('seed', 0, 4294967295, '-1'), '--seed must be a whole number from 0 to 4,294,967,295, got "-1"');
});

test('shardsMissing says shard or shards', () => {
  assert.equal(shardsMissing([2], 4), 'shard 2 of 4 missing: merge needs all 4');
  assert.equal(shardsMissing([0, 3], 4), 'shards 0, 3 of 4 missing: merge needs all 4');
});

test('internalError and systemRefusal name the file or path only when there is one', () => {
  assert.equal(internalError(undefined, 'boom'), 'internal error: boom');
  assert.equal(internalError('a.yaml', 'boom'), 'internal error while reading a.yaml: boom');
  assert.equal(systemRefusal('cannot write x', undefined, 'permission denied', 'EACCES'), 'cannot write x: permission denied (EACCES)');
  assert.equal(systemRefusal('cannot write x', '/x', 'permission denied', 'EACCES'), 'cannot write x (/x): permission denied (EACCES)');
});
