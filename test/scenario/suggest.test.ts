import { test } from 'node:test';
import assert from 'node:assert/strict';
import { closestName, editDistance } from '../../src/scenario/suggest.js';

test('edit distance counts insertions, deletions and substitutions', () => {
  assert.equal(editDistance('stke', 'stake'), 1);
  assert.equal(editDistance('unifrom', 'uniform'), 2);
  assert.equal(editDistance('', 'abc'), 3);
  assert.equal(editDistance('same', 'same'), 0);
});

test('suggests a close known name, ignoring case', () => {
  assert.equal(closestName('stke', ['name', 'count', 'stake']), 'stake');
  assert.equal(closestName('Seed', ['name', 'seed']), 'seed');
  assert.equal(closestName('alfa', ['min', 'alpha', 'max']), 'alpha');
  assert.equal(closestName('lotery', ['timings', 'lottery']), 'lottery');
});

test('suggests nothing for a short or distant name', () => {
  assert.equal(closestName('x', ['max', 'min']), undefined);
  assert.equal(closestName('colour', ['name', 'stake', 'submit']), undefined);
});
