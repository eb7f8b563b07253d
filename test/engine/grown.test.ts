import { test } from 'node:test';
import assert from 'node:assert/strict';
import { grown } from '../../src/engine/grown.js';

test('a grown copy keeps the type and the entries, with zeros after them', () => {
  const a = grown(Int32Array.of(3, -1), 4);
  assert.ok(a instanceof Int32Array);
  assert.deepEqual([...a], [3, -1, 0, 0]);
  const b = grown(Float64Array.of(0.5), 2);
  assert.ok(b instanceof Float64Array);
  assert.deepEqual([...b], [0.5, 0]);
});
