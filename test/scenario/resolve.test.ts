import { test } from 'node:test';
import assert from 'node:assert/strict';
import { deriveStream } from '../../src/rng/stream.js';
import { drawUniformInteger } from '../../src/scenario/draws.js';
import { loadScenario } from '../../src/scenario/load.js';
import { resolveScenario } from '../../src/scenario/resolve.js';
import type { ScenarioDocument, ValidatorEntryDocument } from '../../src/scenario/schema.js';
import type { ResolvedValidator } from '../../src/scenario/types.js';

const small: ValidatorEntryDocument = {
  name: 'small',
  count: 20,
  stake: { uniform: { min: 50, max: 150 } },
  submit: { every: 10 },
};

function resolve(validators: ValidatorEntryDocument[], fields: Partial<ScenarioDocument> = {}) {
  return resolveScenario({ name: 'x', seed: 42, rounds: 10, validators, ...fields }, 'x.yaml');
}

const stakes = (validators: readonly ResolvedValidator[]) =>
  validators.map((v) => (v.balance.kind === 'int' ? v.balance.value : v.balance.text));
const phases = (validators: readonly ResolvedValidator[]) =>
  validators.map((v) => (v.submissions.kind === 'every' ? v.submissions.phaseUs : undefined));

test('defaults are filled in', () => {
  const scenario = resolve([{ name: 'a', stake: 100, submit: 'none' }]);
  assert.equal(scenario.description, '');
  assert.equal(scenario.start, '2018-08-07 20:44:00');
  assert.equal(scenario.rules, 'seed');
  assert.equal(scenario.lottery, 'periodic');
  assert.equal(scenario.durationUs, null);
  assert.deepEqual(scenario.timings, {
    intakeUs: 5_000_000,
    lotteryUs: 10_000_000,
    syncUs: 30_000_000,
    pollUs: 3_000_000,
    jitterUs: 0,
  });
  assert.deepEqual(plain(scenario.validators), [
    {
      id: 'a',
      group: 'a',
      balance: { kind: 'int', value: 100 },
      connectUs: 0,
      leaveUs: null,
      submissions: { kind: 'none' },
      bpm: { kind: 'cycle', entries: [{ kind: 'int', value: 72 }] },
    },
  ]);
});

test('seconds become exact microseconds (0.1 s -> 100000 µs)', () => {
  const scenario = resolve(
    [{ name: 'a', stake: 1, connect: 0.1, submit: { at: [0.3, 0.7, 20000.000001] }, leave: 20000.1 }],
    { duration: 0.3, timings: { intake: 0.1, jitter: 0.002 } },
  );
  const [validator] = scenario.validators;
  assert.equal(validator?.connectUs, 100_000);
  assert.deepEqual(validator?.submissions, { kind: 'at', timesUs: [300_000, 700_000, 20_000_000_001] });
  assert.equal(validator?.leaveUs, 20_000_100_000);
  assert.equal(scenario.durationUs, 300_000);
  assert.equal(scenario.timings.intakeUs, 100_000);
  assert.equal(scenario.timings.jitterUs, 2_000);
});

test('default stagger: validator k of the file connects at k µs; explicit connects spread members', () => {
  const scenario = resolve([
    { name: 'a', count: 2, stake: 1, submit: 'none' },
    { name: 'b', count: 3, stake: 1, connect: { at: 5, every: 0.5 }, submit: 'none' },
    { name: 'c', stake: 1, connect: 7, submit: 'none' },
    { name: 'd', count: 2, stake: 1, submit: 'none' },
    { name: 'e', count: 2, stake: 1, connect: { at: 9, every: 0 }, submit: 'none' },
  ]);
  assert.deepEqual(
    scenario.validators.map((v) => [v.id, v.connectUs]),
    [
      ['a-0', 0],
      ['a-1', 1],
      ['b-0', 5_000_000],
      ['b-1', 5_500_000],
      ['b-2', 6_000_000],
      ['c', 7_000_000],
      ['d-0', 6],
      ['d-1', 7],
      ['e-0', 9_000_000],
      ['e-1', 9_000_000],
    ],
  );
});

test('phases are drawn per validator in [0, every) from phase/<id>; a given phase is shared', () => {
  const drawn = phases(resolve([small]).validators);
  for (const phase of drawn) assert.ok(phase !== undefined && Number.isInteger(phase) && phase >= 0 && phase < 10_000_000);
  assert.equal(new Set(drawn).size, drawn.length);
  assert.equal(drawn[3], deriveStream(42, 'phase', 'small-3').nextIntBelow(10_000_000));
  const given = phases(resolve([{ ...small, submit: { every: 10, phase: 2.5 } }]).validators);
  assert.deepEqual(new Set(given), new Set([2_500_000]));
});

test('generated stakes come from population/<entry name>, in member order', () => {
  const stream = deriveStream(42, 'population', 'small');
  const expected = Array.from({ length: 20 }, () => drawUniformInteger(50, 150, stream));
  assert.deepEqual(stakes(resolve([small]).validators), expected);
  for (const stake of expected) assert.ok(stake >= 50 && stake <= 150);
});

test('members drawn the same balance share one balance object', () => {
  const validators = resolve([{ ...small, count: 500 }]).validators;
  const values = new Set(stakes(validators));
  const objects = new Set(validators.map((v) => v.balance));
  assert.ok(values.size < 500, 'some draws repeat');
  assert.equal(objects.size, values.size);
});

test('same seed, same draws; another seed, other draws', () => {
  assert.deepEqual(plain(resolve([small]).validators), plain(resolve([small]).validators));
  const other = resolve([small], { seed: 43 }).validators;
  assert.notDeepEqual(stakes(other), stakes(resolve([small]).validators));
  assert.notDeepEqual(phases(other), phases(resolve([small]).validators));
});

test("adding an entry does not change another entry's draws", () => {
  const alone = resolve([small]).validators;
  const withWhales = resolve([{ name: 'whale', count: 5, stake: { pareto: { min: 1e5, alpha: 1.5 } }, submit: { every: 10 } }, small])
    .validators.filter((v) => v.group === 'small');
  assert.deepEqual(stakes(withWhales), stakes(alone));
  assert.deepEqual(phases(withWhales), phases(alone));
});

test('pareto and lognormal stakes are whole numbers >= 1', () => {
  const scenario = resolve([
    { name: 'p', count: 50, stake: { pareto: { min: 0.5, alpha: 1.2, max: 1000 } }, submit: 'none' },
    { name: 'l', count: 50, stake: { lognormal: { median: 3, sigma: 2 } }, submit: 'none' },
  ]);
  for (const stake of stakes(scenario.validators)) {
    assert.ok(typeof stake === 'number' && Number.isInteger(stake) && stake >= 1 && stake <= 1000, String(stake));
  }
});

test('values keep their order; texts stay raw text; bpm lists cycle typed inputs', () => {
  const scenario = resolve([
    { name: 'v', count: 3, stake: { values: [30, 10, 20] }, submit: 'none', bpm: [60, 'abc', ' 7\n'] },
    { name: 't', count: 2, stake: ' 100\n', submit: { poisson: 0.5 }, bpm: { uniform: { min: 60, max: 90 } } },
  ]);
  assert.deepEqual(stakes(scenario.validators), [30, 10, 20, ' 100\n', ' 100\n']);
  assert.deepEqual(scenario.validators[0]?.bpm, {
    kind: 'cycle',
    entries: [
      { kind: 'int', value: 60 },
      { kind: 'text', text: 'abc' },
      { kind: 'text', text: ' 7\n' },
    ],
  });
  assert.deepEqual(scenario.validators[3]?.submissions, { kind: 'poisson', ratePerSecond: 0.5 });
  assert.deepEqual(scenario.validators[3]?.bpm, { kind: 'uniform', min: 60, max: 90 });
});

test('a start with zero microseconds prints as Python prints it', () => {
  assert.equal(resolve([small], { start: '2020-01-02 03:04:05.000000' }).start, '2020-01-02 03:04:05');
  assert.equal(resolve([small], { start: '2020-01-02 03:04:05.000001' }).start, '2020-01-02 03:04:05.000001');
});

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}

test('resolution does not mutate the document', () => {
  const document: ScenarioDocument = deepFreeze({
    name: 'x',
    seed: 1,
    rounds: 1,
    validators: [small, { name: 'v', count: 2, stake: { values: [2, 1] }, submit: { at: [1, 2] }, bpm: [1, 'a'] }],
  });
  const before = JSON.stringify(document);
  resolveScenario(document, 'x.yaml');
  assert.equal(JSON.stringify(document), before);
});

test('the whales scenario resolves to 5 whales and 5000 small validators', () => {
  const text = [
    'name: w', 'seed: 42', 'rounds: 2000', 'validators:',
    '  - {name: whale, count: 5, stake: 1000000, submit: {every: 10}}',
    '  - {name: small, count: 5000, stake: {uniform: {min: 50, max: 150}}, submit: {every: 10}}',
  ].join('\n');
  const scenario = loadScenario('w.yaml', text);
  assert.equal(scenario.validators.length, 5005);
  assert.equal(new Set(scenario.validators.map((v) => v.connectUs)).size, 5005);
});

test('an entry of 300,000 members resolves (no stack overflow from spreading them)', () => {
  const sc = loadScenario('big.yaml', 'name: big\nseed: 1\nduration: 10\nvalidators:\n  - {name: v, count: 300000, stake: 1, submit: none}\n', {});
  assert.equal(sc.validators.length, 300_000);
  assert.equal(sc.validators[299_999]?.id, 'v-299999');
});

/** Validators as plain objects (their JSON), to compare field by field. */
function plain(validators: readonly ResolvedValidator[]): unknown {
  return JSON.parse(JSON.stringify(validators));
}
