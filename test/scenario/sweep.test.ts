import assert from 'node:assert/strict';
import { test } from 'node:test';
import { loadScenario, loadSweep, ScenarioError } from '../../src/scenario/load.js';
import { expandSweep, type SweepCell } from '../../src/scenario/sweep.js';
import { sweepFieldPath } from '../../src/scenario/sweep-fields.js';
import type { ScenarioDocument } from '../../src/scenario/schema.js';

const base = (sweep: string) => `name: t
seed: 5
rounds: 50
validators:
  - name: whale
    stake: 100
    submit: {every: 10}
  - name: small.fry
    count: 3
    stake: 10
    submit: {every: 10}
sweep:
${sweep}`;

const cells = (text: string): readonly SweepCell[] => loadSweep('t.yaml', text).plan.cells;
const seedsByKey = (list: readonly SweepCell[]) => new Map(list.map((c) => [c.key, c.seed]));

test('a grid is every combination, first field slowest, each cell a whole scenario', () => {
  const list = cells(base('  replications: 2\n  grid:\n    rewards.constant: [1, 10]\n    validators.whale.stake: [100, 200, 300]\n'));
  assert.equal(list.length, 6);
  assert.deepEqual(list.map((c) => c.values.map(([, v]) => v)), [[1, 100], [1, 200], [1, 300], [10, 100], [10, 200], [10, 300]]);
  const last = list[5] as SweepCell;
  assert.equal(last.document.rewards?.constant, 10);
  assert.equal(last.document.validators[0]?.stake, 300);
  assert.equal(last.document.seed, last.seed);
  assert.equal(last.document.sweep, undefined);
});

test("a cell's seed depends on its values, not on the order of axes or values, nor on the other cells", () => {
  const forward = seedsByKey(cells(base('  replications: 2\n  grid:\n    rewards.constant: [1, 10]\n    timings.lottery: [10, 20]\n')));
  const reordered = seedsByKey(cells(base('  replications: 2\n  grid:\n    timings.lottery: [20, 10]\n    rewards.constant: [10, 1]\n')));
  const widened = seedsByKey(cells(base('  replications: 2\n  grid:\n    rewards.constant: [1, 5, 10]\n    timings.lottery: [10, 20]\n')));
  assert.equal(forward.size, 4);
  assert.deepEqual([...forward].sort(), [...reordered].sort());
  for (const [key, seed] of forward) assert.equal(widened.get(key), seed, key);
  assert.equal(new Set(forward.values()).size, 4, 'different cells get different seeds');
});

test('zipped fields move together and cross the grid; a list of grids is their union', () => {
  const zipped = cells(base('  replications: 1\n  grid: {rewards.constant: [1, 2]}\n  zip:\n    - {timings.intake: [5, 2], timings.lottery: [10, 4]}\n'));
  assert.deepEqual(zipped.map((c) => c.values.map(([, v]) => v)), [[1, 5, 10], [1, 2, 4], [2, 5, 10], [2, 2, 4]]);
  const union = loadSweep('t.yaml', base('  replications: 1\n  grid:\n    - {rewards.constant: [1, 2]}\n    - {rewards.inflation: [0.01]}\n'));
  assert.equal(union.plan.cells.length, 3);
  assert.deepEqual(union.plan.fields, ['rewards.constant', 'rewards.inflation']);
});

test('validator entries are named, even with dots in the name; fields that name the run cannot be swept', () => {
  const doc = { validators: [{ name: 'whale' }, { name: 'small.fry' }] };
  assert.deepEqual(sweepFieldPath('validators.small.fry.count', doc), { ok: true, path: ['validators', 1, 'count'] });
  assert.deepEqual(sweepFieldPath('validators.whale.stake.uniform.max', doc), { ok: true, path: ['validators', 0, 'stake', 'uniform', 'max'] });
  const unknown = sweepFieldPath('validators.whal.count', doc);
  assert.ok(!unknown.ok && unknown.reason.includes('did you mean whale?'), JSON.stringify(unknown));
  for (const field of ['seed', 'name', 'track', 'sweep.replications']) assert.equal(sweepFieldPath(field, doc).ok, false, field);
});

/** The problems of a sweep file as `file:line:column path: message` lines. */
function problems(text: string): string[] {
  try {
    loadSweep('t.yaml', text);
  } catch (error) {
    if (error instanceof ScenarioError) return error.problems.map((p) => `${p.line}:${p.column} ${p.path}: ${p.message}`);
    throw error;
  }
  return [];
}

test("an invalid cell is reported once, at its axis's line, with the values that made it", () => {
  const found = problems(base('  replications: 2\n  grid:\n    validators.whale.count: [1, 2]\n    rewards.constant: [5, 0]\n'));
  assert.deepEqual(found, [
    '16:5 sweep.grid.rewards.constant: the cell validators.whale.count = 1, rewards.constant = 0 (and 1 more cell): rewards.constant: expected an integer >= 1, got 0',
  ]);
});

test('problems of the sweep block itself are located: unknown entries, zips of unequal length, repeated values and cells', () => {
  const found = problems(base('  replications: 2\n  grid:\n    validators.whal.count: [1]\n    rewards.constant: [5, 5]\n  zip:\n    - {timings.intake: [5, 2], timings.lottery: [10]}\n'));
  assert.equal(found.length, 3, found.join('\n'));
  assert.match(found[0] as string, /^15:5 sweep\.grid\.validators\.whal\.count: no validator entry is named "whal" \(did you mean whale\?\)/);
  assert.match(found[1] as string, /^16:5 sweep\.grid\.rewards\.constant: the value 5 appears twice/);
  assert.match(found[2] as string, /^18:32 sweep\.zip\[0\]\.timings\.lottery: has 1 values, but timings\.intake has 2/);
  const twice = problems(base('  replications: 1\n  grid:\n    - {rewards.constant: [1, 2]}\n    - {rewards.constant: [2]}\n'));
  assert.match(twice[0] as string, /cells 1 and 2 are the same \(rewards\.constant = 2\)/);
});

test('run refuses a sweep file and points at its sweep block; expandSweep needs one', () => {
  assert.throws(() => loadScenario('t.yaml', base('  replications: 2\n')), /t\.yaml:12:1 sweep: this file is a sweep: run it with `pos-sim sweep FILE`/);
  assert.throws(() => loadSweep('t.yaml', base('').replace(/sweep:\n$/, '')), /this file has no sweep block/);
  assert.throws(() => expandSweep({ name: 'x', seed: 1, validators: [] } as unknown as ScenarioDocument), /no sweep/);
});
