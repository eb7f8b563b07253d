import assert from 'node:assert/strict';
import test from 'node:test';
import { IdRegistry, PlainIdRegistry } from '../../src/scenario/id-registry.js';
import type { Issue } from '../../src/scenario/issue.js';
import { deriveStream } from '../../src/rng/stream.js';

/** Names whose member ids run into each other: `a` with a count makes `a-1`, `a-10`; `a-1` with one makes `a-1-0`. */
const NAMES = ['a', 'a-0', 'a-1', 'a-2', 'a-10', 'a-01', 'a-1-0', 'a-1-1', 'a-', 'a--1', 'b', 'b-3', '-1', 'a.1', 7, 'bad name'];
const COUNTS = [undefined, undefined, null, 1, 2, 3, 11, 12];

test('IdRegistry reports exactly what PlainIdRegistry reports, on random entry lists full of clashes', () => {
  const rng = deriveStream(5, 'test', 'id-registry');
  for (let c = 0; c < 3000; c++) {
    const fast = new IdRegistry();
    const plain = new PlainIdRegistry();
    const fastIssues: Issue[] = [];
    const plainIssues: Issue[] = [];
    const entries = 1 + rng.nextIntBelow(8);
    for (let e = 0; e < entries; e++) {
      const name = NAMES[rng.nextIntBelow(NAMES.length)];
      const count = COUNTS[rng.nextIntBelow(COUNTS.length)] as number | undefined | null;
      fast.register(name, count, ['validators', e], fastIssues);
      plain.register(name, count, ['validators', e], plainIssues);
    }
    assert.deepEqual(fastIssues, plainIssues, `case ${c}`);
  }
});

test('IdRegistry: a million members register at once, and their clash with a later entry is found', () => {
  const issues: Issue[] = [];
  const ids = new IdRegistry();
  ids.register('v', 1_000_000, ['validators', 0], issues);
  ids.register('v-999999', undefined, ['validators', 1], issues);
  ids.register('v-1000000', undefined, ['validators', 2], issues);
  assert.equal(issues.length, 1);
  assert.match(issues[0]?.message ?? '', /v-999999/);
});
