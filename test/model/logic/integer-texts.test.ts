import assert from 'node:assert/strict';
import { test } from 'node:test';
import { IntegerTexts } from '../../../src/model/logic/integer-texts.js';

test('the text of every integer is String() of it: repeats, values sharing a slot, negatives, large and non-integers', () => {
  const texts = new IntegerTexts();
  // 4096 apart share a slot; -7 and 7 share one too; 2^53 - 1 and 1e21 are beyond 32 bits.
  const values = [7, 7, -7, 7, 4096 + 7, 7, 0, -0, 2 ** 53 - 1, 1e21, 4096 * 3 + 7, 2.5, -1, 4095, 2 ** 31];
  for (let round = 0; round < 3; round++) for (const value of values) assert.equal(texts.of(value), String(value), `value ${value}`);
});
