import { test } from 'node:test';
import assert from 'node:assert/strict';
import { concentrationSummary } from '../../src/stats/concentrationSummary.js';
import { gini } from '../../src/stats/gini.js';
import { herfindahlHirschman } from '../../src/stats/herfindahlHirschman.js';
import { nakamotoCoefficient } from '../../src/stats/nakamotoCoefficient.js';
import { shannonEntropyBits } from '../../src/stats/shannonEntropyBits.js';
import { theilIndex } from '../../src/stats/theilIndex.js';
import { topKShare } from '../../src/stats/topKShare.js';
import { EQUAL_FOUR, ONE_TO_FIVE, SKEWED_EIGHT } from './concentrationFixtures.js';

test('every field equals the function of the same name', () => {
  const amounts = Object.freeze([...SKEWED_EIGHT, 3, 90, 14, 2]);
  assert.deepEqual(concentrationSummary(amounts), {
    holders: 12,
    gini: gini(amounts),
    herfindahlHirschman: herfindahlHirschman(amounts),
    nakamoto50: nakamotoCoefficient(amounts, 0.5),
    nakamoto33: nakamotoCoefficient(amounts, 1 / 3),
    top1Share: topKShare(amounts, 1),
    top10Share: topKShare(amounts, 10),
    shannonEntropyBits: shannonEntropyBits(amounts),
    theilIndex: theilIndex(amounts),
  });
});

test('equal holders', () => {
  assert.deepEqual(concentrationSummary(EQUAL_FOUR), {
    holders: 4,
    gini: 0,
    herfindahlHirschman: 0.25,
    nakamoto50: 3,
    nakamoto33: 2,
    top1Share: 0.25,
    top10Share: 1,
    shannonEntropyBits: 2,
    theilIndex: 0,
  });
  assert.deepEqual(concentrationSummary([0, 0, 0, 0]), concentrationSummary(EQUAL_FOUR));
  assert.equal(concentrationSummary(ONE_TO_FIVE).nakamoto50, 2);
});

test('rejects empty input, naming the function', () => {
  assert.throws(() => concentrationSummary([]), /concentrationSummary: amounts must not be empty/);
});
