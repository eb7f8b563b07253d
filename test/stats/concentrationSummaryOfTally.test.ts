import { test } from 'node:test';
import assert from 'node:assert/strict';
import { concentrationSummaryOfTally } from '../../src/stats/concentrationSummaryOfTally.js';
import { tallyOf } from '../../src/stats/tally.js';
import { deriveStream } from '../../src/rng/stream.js';
import { assertClose } from './assertClose.js';
import { perHolderConcentration } from './oracles/perHolderConcentration.js';
import { EQUAL_FOUR, ONE_TO_FIVE, SKEWED_EIGHT } from './concentrationFixtures.js';

/**
 * Many holders per amount, as blocks won are. Reference values computed in Python from
 * the definitions, exact fractions where possible (O(n²) Gini, no sorting):
 *   x = [5,5,5,2,2,0,0,0,9,9,9,9,1]; n = 13; T = 56
 *   gini = sum(|a-b|)/(2 n² mean) = 6/13; hhi = Σ(a/T)²; H = -Σ s log2 s; theil = Σ r ln r / n
 *   nakamoto: 9+9+9+9 = 36 > 28 at the 4th holder; 27 > 56/3 at the 3rd.
 */
const REPEATED = Object.freeze([5, 5, 5, 2, 2, 0, 0, 0, 9, 9, 9, 9, 1]);

test('amounts held by many: matches values computed from the definitions', () => {
  const s = concentrationSummaryOfTally(tallyOf(REPEATED));
  assert.equal(s.holders, 13);
  assertClose(s.gini, 6 / 13, 1e-14);
  assertClose(s.herfindahlHirschman, 0.13010204081632654, 1e-14);
  assertClose(s.shannonEntropyBits, 3.076172395714146, 1e-14);
  assertClose(s.theilIndex, 0.4327091344559445, 1e-13);
  assert.equal(s.nakamoto50, 4);
  assert.equal(s.nakamoto33, 3);
  assertClose(s.top1Share, 9 / 56, 1e-15);
  assert.equal(s.top10Share, 1); // the 3 left out hold 0
});

test('the published fixtures: same values as the numpy references of the per-metric tests', () => {
  const fixtures: Array<{ holdings: readonly number[]; gini: number; hhi: number; bits: number; theil: number; nakamoto50: number; nakamoto33?: number }> = [
    // 5 of 15 is exactly 1/3, not above it: nakamoto33 is 2.
    { holdings: ONE_TO_FIVE, gini: 0.26666666666666666, hhi: 0.24444444444444446, bits: 2.1492553971685, theil: 0.11968759358350925, nakamoto50: 2, nakamoto33: 2 },
    { holdings: SKEWED_EIGHT, gini: 0.6779225908372828, hhi: 0.40728594995120904, bits: 1.7456649260094135, theil: 0.8694388200140251, nakamoto50: 1 },
  ];
  for (const f of fixtures) {
    const s = concentrationSummaryOfTally(tallyOf(f.holdings));
    assertClose(s.gini, f.gini, 1e-14);
    assertClose(s.herfindahlHirschman, f.hhi, 1e-14);
    assertClose(s.shannonEntropyBits, f.bits, 1e-14);
    assertClose(s.theilIndex, f.theil, 1e-13);
    assert.equal(s.nakamoto50, f.nakamoto50);
    if (f.nakamoto33 !== undefined) assert.equal(s.nakamoto33, f.nakamoto33);
  }
});

test('equal and all-zero holdings, and a single holder', () => {
  const equal = { holders: 4, gini: 0, herfindahlHirschman: 0.25, nakamoto50: 3, nakamoto33: 2, top1Share: 0.25, top10Share: 1, shannonEntropyBits: 2, theilIndex: 0 };
  assert.deepEqual(concentrationSummaryOfTally(tallyOf(EQUAL_FOUR)), equal);
  assert.deepEqual(concentrationSummaryOfTally({ amounts: [0], holders: [4] }), equal);
  const one = concentrationSummaryOfTally({ amounts: [7], holders: [1] });
  assert.deepEqual([one.gini, one.nakamoto50, one.top1Share, one.top10Share], [0, 1, 1, 1]);
});

test('agrees with the per-holder definitions on random holdings with many ties (integer counts are exact)', () => {
  const rng = deriveStream(5, 'test', 'tally');
  for (let trial = 0; trial < 50; trial++) {
    const n = 1 + rng.nextIntBelow(300);
    const top = 1 + rng.nextIntBelow(20);
    const amounts = Array.from({ length: n }, () => rng.nextIntBelow(top) * rng.nextIntBelow(3));
    const expected = perHolderConcentration(amounts);
    const got = concentrationSummaryOfTally(tallyOf(amounts));
    for (const key of Object.keys(expected) as Array<keyof typeof expected>) {
      assertClose(got[key], expected[key], 1e-12, `trial ${trial} ${key}`);
    }
  }
});

test('agrees with the per-holder definitions on random real amounts (few ties, some zeros)', () => {
  const rng = deriveStream(6, 'test', 'tally');
  for (let trial = 0; trial < 50; trial++) {
    const n = 1 + rng.nextIntBelow(500);
    const amounts = Array.from({ length: n }, () => Math.exp(3 * rng.nextDouble()) * (rng.nextIntBelow(10) === 0 ? 0 : 1));
    const expected = perHolderConcentration(amounts);
    const got = concentrationSummaryOfTally(tallyOf(amounts));
    for (const key of Object.keys(expected) as Array<keyof typeof expected>) {
      assertClose(got[key], expected[key], 1e-12, `trial ${trial} ${key}`);
    }
  }
});

test('rejects a malformed tally, naming the function', () => {
  assert.throws(() => concentrationSummaryOfTally({ amounts: [], holders: [] }), /concentrationSummaryOfTally: the tally must be non-empty/);
  assert.throws(() => concentrationSummaryOfTally({ amounts: [1, 2], holders: [1, 1] }), /strictly decreasing/);
  assert.throws(() => concentrationSummaryOfTally({ amounts: [2, 1], holders: [1, 0] }), /holders\[1\] must be a positive integer/);
});
