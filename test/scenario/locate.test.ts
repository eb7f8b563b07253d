import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LineCounter, parseDocument } from 'yaml';
import type { FieldPath } from '../../src/scenario/field-path.js';
import type { IssueAnchor } from '../../src/scenario/issue.js';
import { keyPathAtOffset, offsetOf } from '../../src/scenario/locate.js';

const TEXT = [
  'seed: 1', //                               line 1
  'validators:', //                           line 2
  '  - name: a', //                           line 3
  '    stake:', //                            line 4 (empty value)
  '    submit: {every: 10, phase: 2}', //     line 5
  '  - &shared {name: b, stake: 5}', //       line 6
].join('\n');

function lineAndColumn(path: FieldPath, anchor: IssueAnchor): [number, number] {
  const lineCounter = new LineCounter();
  const document = parseDocument(TEXT, { lineCounter });
  const { line, col } = lineCounter.linePos(offsetOf(document, path, anchor));
  return [line, col];
}

test('a value is located at its first character', () => {
  assert.deepEqual(lineAndColumn(['seed'], 'value'), [1, 7]);
  assert.deepEqual(lineAndColumn(['validators', 0, 'submit', 'phase'], 'value'), [5, 32]);
  assert.deepEqual(lineAndColumn(['validators', 1, 'stake'], 'value'), [6, 30]);
});

test('an unknown key is located at the key; a missing key at its parent mapping', () => {
  assert.deepEqual(lineAndColumn(['validators', 0, 'submit'], 'key'), [5, 5]);
  assert.deepEqual(lineAndColumn(['validators', 0, 'count'], 'parent'), [3, 5]);
  assert.deepEqual(lineAndColumn(['rounds'], 'parent'), [1, 1]);
});

test('an empty value is located at its key; a path beyond the document at its deepest ancestor', () => {
  assert.deepEqual(lineAndColumn(['validators', 0, 'stake'], 'value'), [4, 5]);
  assert.deepEqual(lineAndColumn(['validators', 0, 'submit', 'every', 'deeper'], 'value'), [5, 21]);
  assert.deepEqual(lineAndColumn(['validators', 7], 'value'), [3, 3]);
});

test('the key path at an offset names the key there', () => {
  const document = parseDocument(TEXT);
  assert.deepEqual(keyPathAtOffset(document, TEXT.indexOf('phase')), ['validators', 0, 'submit', 'phase']);
  assert.equal(keyPathAtOffset(document, TEXT.indexOf('10')), undefined);
});
