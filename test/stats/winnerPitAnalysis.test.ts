import { test } from 'node:test';
import assert from 'node:assert/strict';
import { winnerPitAnalysis } from '../../src/stats/winnerPitAnalysis.js';
import { assertClose } from './assertClose.js';

const histogramOf = (values: readonly number[]) => {
  const counts = new Uint32Array(65536);
  for (const u of values) counts[Math.floor(u * 65536)]! += 1;
  return counts;
};

test('a near-uniform sample passes, a skewed one fails; the verdict gives both p-values', () => {
  // numpy: i = arange(1, 1001); x = ((i * 0.6180339887498949) % 1.0) ** e; for e = 1.1
  // scipy: kstwo.sf(D at the edges, 1000) = 0.1494158362901843; for e = 1.6: 1.95725902207125e-26
  const sample = (e: number) => Array.from({ length: 1000 }, (_, k) => (((k + 1) * 0.6180339887498949) % 1) ** e);
  const fair = winnerPitAnalysis(histogramOf(sample(1.1)));
  assert.equal(fair.consistent, true);
  assertClose(fair.ksPValue, 0.1494158362901843, 0.01); // Stephens: 0.150
  assert.match(fair.verdict, /^consistent with a fair draw in every round at the 1% level \(winner PIT over 1000 rounds: KS p = 0\.150, 32-bin chi-square p = 1\.00; valid under any reward rule\)$/);
  const skewed = winnerPitAnalysis(histogramOf(sample(1.6)));
  assert.equal(skewed.consistent, false);
  assertClose(skewed.ksPValue, 1.95725902207125e-26, 0.1);
  assert.match(skewed.verdict, /^NOT consistent/);
});

test('too few rounds: no verdict', () => {
  const a = winnerPitAnalysis(histogramOf([0.5, 0.25]));
  assert.equal(a.consistent, null);
  assert.match(a.verdict, /not testable with 2 round\(s\)/);
});
