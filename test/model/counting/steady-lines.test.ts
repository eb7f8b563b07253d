import assert from 'node:assert/strict';
import test from 'node:test';
import { SteadyLines } from '../../../src/model/counting/steady-lines.js';

test('lines counted per run reach the totals when settled: one client, a whole source, or all', () => {
  const totals = Float64Array.from([5, 0, 0, 0, 9]);
  const lines = new SteadyLines(totals);
  const source = Int32Array.from([3, 1, 2]); // positions 0, 1, 2 are connections 3, 1, 2
  lines.add(source, 0, 3);
  lines.add(source, 1, 3);
  lines.add(source, 2, 3);
  assert.deepEqual(Array.from(totals), [5, 0, 0, 0, 9], 'nothing until settled');
  lines.settle(2);
  assert.deepEqual(Array.from(totals), [5, 0, 3, 0, 9]);
  lines.settle(2);
  assert.equal(totals[2], 3, 'settling twice adds nothing');
  lines.settleSource(source);
  assert.deepEqual(Array.from(totals), [5, 2, 3, 1, 9]);
  lines.add(source, 0, 1);
  lines.settle(4); // not in any source
  lines.settleAll();
  assert.deepEqual(Array.from(totals), [5, 2, 3, 2, 9]);
});
