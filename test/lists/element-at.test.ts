import { test } from 'node:test';
import assert from 'node:assert/strict';
import { elementAt, MissingElementError, valueAt } from '../../src/lists/element-at.js';

test('elementAt returns the element, undefined included when the list holds it', () => {
  assert.equal(elementAt([5, 7], 1, 'bin'), 7);
  assert.equal(elementAt(new Float64Array([0.5]), 0, 'stake'), 0.5);
  assert.equal(elementAt([undefined], 0, 'slot'), undefined);
});

test('elementAt throws on an index outside the list, naming what was looked up', () => {
  assert.throws(() => elementAt([5, 7], 2, 'bin'), /^MissingElementError: elementAt: no bin at index 2 \(length 2\)$/);
  assert.throws(() => elementAt([5, 7], -1, 'bin'), MissingElementError);
  assert.throws(() => elementAt([5, 7], 0.5, 'bin'), MissingElementError);
  assert.throws(() => elementAt(new Float64Array(3), 3, 'stake'), /no stake at index 3/);
});

test('valueAt returns the stored value, and throws on a missing key', () => {
  const map = new Map<string, number | undefined>([['a', 1], ['b', undefined]]);
  assert.equal(valueAt(map, 'a', 'stake'), 1);
  assert.equal(valueAt(map, 'b', 'stake'), undefined);
  assert.throws(() => valueAt(map, 'c', 'stake'), /^MissingElementError: valueAt: no stake for c$/);
});
