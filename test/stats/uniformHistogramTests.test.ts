import { test } from 'node:test';
import assert from 'node:assert/strict';
import { uniformHistogramTests } from '../../src/stats/uniformHistogramTests.js';
import { assertClose } from './assertClose.js';

test('a 1,000-point sample in 65,536 bins: KS at the bin edges and the 32-bin chi-square, as scipy reads the sample', () => {
  // numpy: i = arange(1, 1001); x = ((i * 0.6180339887498949) % 1.0) ** 1.1
  const counts = new Uint32Array(65536);
  for (let i = 1; i <= 1000; i++) counts[Math.floor(((i * 0.6180339887498949) % 1) ** 1.1 * 65536)]! += 1;
  const t = uniformHistogramTests(counts);
  assert.equal(counts.reduce((a, b) => a + b, 0), 1000, 'not modified');
  assert.equal(t.n, 1000);
  // scipy.stats.kstest(x, 'uniform').statistic = 0.03584696910574159; at the edges 0.035844726562499984
  assertClose(t.ksStatistic, 0.035844726562499984, 1e-12);
  assert.ok(t.ksStatistic <= 0.03584696910574159 && t.ksStatistic + 1 / 65536 >= 0.03584696910574159);
  // kstwo.sf(0.035844726562499984, 1000) = 0.1494158362901843 (Stephens' approximation: within 1%)
  assertClose(t.ksPValue, 0.1494158362901843, 0.01);
  // scipy.stats.chisquare of the 32 bins: statistic 9.984, p 0.9998762989364598
  assertClose(t.chiSquare!.statistic, 9.984, 1e-12);
  assertClose(t.chiSquare!.pValue, 0.9998762989364598, 1e-10);
});

test('a small sample: KS by hand, chi-square bins halved until each expects 5', () => {
  // 22 points in 16 bins; numpy: max |cumsum / 22 - k / 16| = 0.1875; chisquare([6, 7, 6, 3]) p = 0.6511730026661331
  const t = uniformHistogramTests([3, 1, 0, 2, 5, 1, 1, 0, 0, 2, 1, 3, 0, 1, 2, 0], 16);
  assertClose(t.ksStatistic, 0.1875, 1e-12);
  assert.equal(t.chiSquare!.bins, 4);
  assertClose(t.chiSquare!.pValue, 0.6511730026661331, 1e-10);
  assert.deepEqual(uniformHistogramTests([0, 0]), { n: 0, ksStatistic: 0, ksPValue: 1, chiSquare: null });
  assert.throws(() => uniformHistogramTests([1, 2, 3]), /uniformHistogramTests: the bins/);
});
