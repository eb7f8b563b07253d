import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fieldPathFromJsonPointer, formatFieldPath } from '../../src/scenario/field-path.js';

test('paths read as validators[3].stake.pareto.alpha', () => {
  assert.equal(formatFieldPath(['validators', 3, 'stake', 'pareto', 'alpha']), 'validators[3].stake.pareto.alpha');
  assert.equal(formatFieldPath(['seed']), 'seed');
  assert.equal(formatFieldPath([]), '');
});

test('JSON pointers split into keys and list indexes', () => {
  assert.deepEqual(fieldPathFromJsonPointer('/validators/3/stake'), ['validators', 3, 'stake']);
  assert.deepEqual(fieldPathFromJsonPointer(''), []);
  assert.deepEqual(fieldPathFromJsonPointer('/a~1b/c~0d'), ['a/b', 'c~d']);
});
