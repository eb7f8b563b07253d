import { test } from 'node:test';
import assert from 'node:assert/strict';
import { addAt, at } from '../../src/model/columns.js';

test('at and addAt read and update an index in range', () => {
  const column = new Float64Array([1, 2, 3]);
  assert.equal(at(column, 2), 3);
  addAt(column, 1, 0.5);
  assert.deepEqual([...column], [1, 2.5, 3]);
  assert.equal(at(new Int32Array([7]), 0), 7);
});

test('an index outside the column throws, naming it, instead of reading NaN or dropping the write', () => {
  const column = new Float64Array(3);
  assert.throws(() => at(column, 3), /no model column entry at index 3 \(length 3\)/);
  assert.throws(() => at(column, -1), /index -1/);
  assert.throws(() => addAt(column, 5, 1), /index 5/);
  assert.deepEqual([...column], [0, 0, 0]);
});
