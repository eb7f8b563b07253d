import assert from 'node:assert/strict';
import test from 'node:test';
import { ChangedValidators } from '../../../src/model/counting/changed-validators.js';

test('changed validators are listed once each, in order of first change, and forgotten when taken', () => {
  const changed = new ChangedValidators(10);
  for (const i of [4, 2, 4, 9, 2]) changed.mark(i);
  assert.deepEqual(Array.from(changed.take()), [4, 2, 9]);
  assert.deepEqual(Array.from(changed.take()), []);
  changed.mark(2);
  assert.deepEqual(Array.from(changed.take()), [2]);
});
