import { test } from 'node:test';
import assert from 'node:assert/strict';
import { holmAdjust } from '../../src/stats/holmAdjust.js';
import { assertClose } from './assertClose.js';

// Reference by a short Python loop:
//   ps = [0.01, 0.04, 0.03, 0.005]; m = len(ps); adj = [0]*m; run = 0
//   for rank, i in enumerate(sorted(range(m), key=lambda i: ps[i])):
//       run = max(run, min(1, (m - rank) * ps[i])); adj[i] = run
//   -> [0.03, 0.06, 0.06, 0.02]
// By hand: sorted 0.005, 0.01, 0.03, 0.04 times 4, 3, 2, 1 = 0.02, 0.03, 0.06,
// 0.04; the running maximum lifts the last to 0.06.
test('matches a worked example and keeps the input order', () => {
  const pValues = Object.freeze([0.01, 0.04, 0.03, 0.005]);
  const adjusted = holmAdjust(pValues);
  [0.03, 0.06, 0.06, 0.02].forEach((expected, index) => {
    assertClose(adjusted[index] ?? Number.NaN, expected, 1e-15, `p[${index}]`);
  });
  assert.deepEqual(pValues, [0.01, 0.04, 0.03, 0.005]);
});

test('caps at 1, is monotone in the raw p-values, and handles ties and empty input', () => {
  assert.deepEqual(holmAdjust([0.5, 0.9, 0.6]), [1, 1, 1]);
  assert.deepEqual(holmAdjust([0.02, 0.02]), [0.04, 0.04]);
  assert.deepEqual(holmAdjust([0.3]), [0.3]);
  assert.deepEqual(holmAdjust([]), []);
  const raw = [0.001, 0.2, 0.01, 0.04, 0.03];
  const adjusted = holmAdjust(raw);
  const byRaw = raw.map((p, i) => [p, adjusted[i] ?? Number.NaN] as const).sort((a, b) => a[0] - b[0]);
  byRaw.forEach(([, a], i) => assert.ok(i === 0 || a >= (byRaw[i - 1]?.[1] ?? Infinity)));
});

test('rejects p-values outside [0, 1], naming the function', () => {
  assert.throws(() => holmAdjust([0.1, 1.2]), /holmAdjust: pValues\[1\]/);
  assert.throws(() => holmAdjust([Number.NaN]), /holmAdjust: pValues\[0\]/);
});
