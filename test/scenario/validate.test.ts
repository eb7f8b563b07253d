import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatFieldPath } from '../../src/scenario/field-path.js';
import { validateScenario } from '../../src/scenario/validate.js';

const entry = (fields: Record<string, unknown>) => ({ name: 'a', stake: 100, submit: 'none', ...fields });
const scenario = (fields: Record<string, unknown>) => ({ name: 'x', seed: 1, rounds: 10, validators: [entry({})], ...fields });

/** [path, message] of each issue. */
function issuesOf(data: unknown): [string, string][] {
  return validateScenario(data).map((issue) => [formatFieldPath(issue.path), issue.message]);
}

test('a minimal scenario is valid', () => {
  assert.deepEqual(issuesOf(scenario({})), []);
});

test('at least one of rounds and duration', () => {
  assert.deepEqual(issuesOf(scenario({ rounds: undefined })), [
    ['', 'at least one of "rounds" or "duration" is required, so that the run ends'],
  ]);
  assert.deepEqual(issuesOf(scenario({ rounds: undefined, duration: 60 })), []);
});

test('top-level fields: enum typo, unknown key, calendar date, non-finite numbers', () => {
  assert.deepEqual(issuesOf(scenario({ lottery: 'literl', colour: 'red', start: '2018-02-29 00:00:00', seed: Infinity })), [
    ['colour', 'unknown key "colour"; expected one of name, description, seed, start, rounds, duration, rules, lottery, timings, timing, speedup, costs, rewards, sampleEvery, track, validators, sweep'],
    ['seed', 'expected an integer from 0 to 4294967295, got .inf'],
    ['lottery', 'expected one of "periodic", "literal", got "literl"; did you mean "literal"?'],
    ['start', '"2018-02-29 00:00:00" is not a valid date and time'],
  ]);
  assert.deepEqual(issuesOf(scenario({ start: '2020-02-29 23:59:59.123456' })), []);
});

test('stake: one clear message per shape, not one per union branch', () => {
  const stakeIssues = (stake: unknown) => issuesOf(scenario({ validators: [entry({ stake })] }));
  assert.deepEqual(stakeIssues(-5), [['validators[0].stake', 'expected an integer >= 0, got -5']]);
  assert.deepEqual(stakeIssues(1.5), [['validators[0].stake', 'expected an integer >= 0, got 1.5']]);
  assert.deepEqual(stakeIssues('abc'), []);
  assert.deepEqual(stakeIssues(''), []);
  assert.deepEqual(stakeIssues(true), [
    [
      'validators[0].stake',
      'expected an integer >= 0, a quoted text the client types, or one of {uniform: ...}, {pareto: ...}, {lognormal: ...}, {values: [...]}, got true',
    ],
  ]);
  assert.deepEqual(stakeIssues({ unifrom: { min: 1, max: 2 } }), [
    ['validators[0].stake.unifrom', 'unknown key "unifrom"; did you mean "uniform"?'],
  ]);
  assert.deepEqual(stakeIssues({ pareto: { min: 1, alpha: 0 } }), [
    ['validators[0].stake.pareto.alpha', 'expected a number > 0, got 0'],
  ]);
  assert.deepEqual(stakeIssues({ lognormal: { median: 100 } }), [
    ['validators[0].stake.lognormal.sigma', 'missing required key "sigma"'],
  ]);
});

test('submit, connect and bpm shapes', () => {
  const entryIssues = (fields: Record<string, unknown>) => issuesOf(scenario({ validators: [entry(fields)] }));
  assert.deepEqual(entryIssues({ submit: 'nne' }), [
    [
      'validators[0].submit',
      'expected {every: seconds}, {poisson: rate}, {at: [seconds, ...]}, or "none", got "nne"; did you mean "none"?',
    ],
  ]);
  assert.deepEqual(entryIssues({ submit: { phase: 1 } }), [['validators[0].submit.every', 'missing required key "every"']]);
  assert.deepEqual(entryIssues({ submit: { at: [] } }), [['validators[0].submit.at', 'expected a non-empty list, got []']]);
  assert.deepEqual(entryIssues({ connect: 'soon' }), [
    ['validators[0].connect', 'expected a number of seconds >= 0, or {at: seconds, every: seconds}, got "soon"'],
  ]);
  assert.deepEqual(entryIssues({ bpm: [72, 'abc', false, 7.5] }), [
    ['validators[0].bpm[2]', 'expected an integer or a quoted text the client types, got false'],
    ['validators[0].bpm[3]', 'expected an integer, got 7.5'],
  ]);
  assert.deepEqual(entryIssues({ bpm: { uniform: { min: 80, max: 60 } } }), [
    ['validators[0].bpm.uniform.min', 'min (80) must not be above max (60)'],
  ]);
});

test('names are unique, and so are the ids entries expand to', () => {
  assert.deepEqual(issuesOf(scenario({ validators: [entry({}), entry({})] })), [
    ['validators[1].name', 'name "a" is already used by validators[0]'],
  ]);
  assert.deepEqual(issuesOf(scenario({ validators: [entry({ count: 2 }), entry({ name: 'a-1' })] })), [
    ['validators[1].name', 'this entry makes validator id "a-1", which validators[0] makes too'],
  ]);
});

test('a values list has one value per member', () => {
  const values = (count: number | undefined, list: number[]) =>
    issuesOf(scenario({ validators: [entry({ count, stake: { values: list } })] }));
  assert.deepEqual(values(3, [1, 2, 3]), []);
  assert.deepEqual(values(3, [1, 2]), [
    ['validators[0].stake.values', 'expected 3 values (one per validator, count = 3), got 2'],
  ]);
  assert.deepEqual(values(undefined, [1, 2]), [
    ['validators[0].stake.values', 'expected 1 value (one per validator, count = 1), got 2'],
  ]);
});

test('uniform min above max, pareto cap below min', () => {
  const stakeIssues = (stake: unknown) => issuesOf(scenario({ validators: [entry({ stake })] }));
  assert.deepEqual(stakeIssues({ uniform: { min: 150, max: 50 } }), [
    ['validators[0].stake.uniform.min', 'min (150) must not be above max (50)'],
  ]);
  assert.deepEqual(stakeIssues({ pareto: { min: 10, alpha: 1, max: 5 } }), [
    ['validators[0].stake.pareto.min', 'min (10) must not be above max (5)'],
  ]);
});

test('submission times: ascending, after the last member connects, before leave', () => {
  const at = (times: number[], fields: Record<string, unknown> = {}) =>
    issuesOf(scenario({ validators: [entry({ submit: { at: times }, ...fields })] }));
  assert.deepEqual(at([1, 2, 2]), [['validators[0].submit.at[2]', 'times must be strictly ascending, got 2 after 2']]);
  // Members connect at 5, 5.5, 6 s: the last one bounds the shared times.
  assert.deepEqual(at([5.9, 7], { count: 3, connect: { at: 5, every: 0.5 } }), [
    ['validators[0].submit.at[0]', 'submission at 5.9 s is before validator "a-2" connects (6 s)'],
  ]);
  assert.deepEqual(at([3, 9], { connect: 1, leave: 9 }), [
    ['validators[0].submit.at[1]', 'submission at 9 s is not before the entry leaves at 9 s'],
  ]);
});

test('the default stagger (validator k connects at k µs) counts for submission times', () => {
  const data = scenario({ validators: [entry({ count: 2 }), entry({ name: 'b', submit: { at: [0.000001] } })] });
  assert.deepEqual(issuesOf(data), [
    ['validators[1].submit.at[0]', 'submission at 0.000001 s is before validator "b" connects (0.000002 s)'],
  ]);
});

test('leave must follow connect; phase must be below the interval', () => {
  assert.deepEqual(issuesOf(scenario({ validators: [entry({ connect: 30, leave: 20 })] })), [
    ['validators[0].leave', 'leave at 20 s must be after validator "a" connects (30 s)'],
  ]);
  assert.deepEqual(issuesOf(scenario({ validators: [entry({ submit: { every: 10, phase: 10 } })] })), [
    ['validators[0].submit.phase', 'phase must be below the interval (every = 10 s), got 10'],
  ]);
});

test('a value of the wrong type is reported once, not again by the rules', () => {
  assert.deepEqual(issuesOf(scenario({ validators: [entry({ count: 'two', stake: { values: [1, 2] } })] })), [
    ['validators[0].count', 'expected an integer from 1 to 1000000, got "two"'],
  ]);
  assert.deepEqual(issuesOf(scenario({ timings: { intake: -1 } })), [
    ['timings.intake', 'expected a number > 0, got -1'],
  ]);
});

test('every problem of a document is returned at once', () => {
  const data = scenario({
    seed: -1,
    timings: { jitter: 0.0001 },
    validators: [entry({ stke: 1 }), entry({ name: 'b', submit: { every: 0.1234567 } })],
  });
  assert.deepEqual(
    issuesOf(data).map(([path]) => path),
    ['seed', 'validators[0].stke', 'timings.jitter', 'validators[1].submit.every'],
  );
});

test('two forms of one field are a conflict, reported at the second', () => {
  const data = scenario({
    validators: [entry({ stake: { uniform: { min: 1, max: 2 }, pareto: { min: 1, alpha: 1 } }, submit: { every: 10, at: [1] } })],
  });
  assert.deepEqual(issuesOf(data), [
    ['validators[0].stake.pareto', '"pareto" cannot be combined with "uniform": give one form only'],
    ['validators[0].submit.at', '"at" cannot be combined with "every": give one form only'],
  ]);
});

test('rewards: exactly one kind, with a valid cap; track names must exist', () => {
  assert.deepEqual(issuesOf(scenario({ rewards: { constant: 1, cap: 1000, withdrawOnLeave: true } })), []);
  assert.deepEqual(issuesOf(scenario({ rewards: { geometric: { initial: 50, ratio: 0.99 } } })), []);
  assert.deepEqual(issuesOf(scenario({ rewards: { constant: 1, inflation: 0.01 } })), [
    ['rewards', 'expected one reward kind, got 2: constant, inflation'],
  ]);
  assert.deepEqual(issuesOf(scenario({ rewards: { cap: 10 } })), [
    ['rewards', 'expected one reward kind: constant, inflation or geometric'],
  ]);
  const grouped = { validators: [entry({ name: 'w', count: 3 })] };
  assert.deepEqual(issuesOf(scenario({ ...grouped, track: ['w', 'w-2'] })), []);
  assert.deepEqual(issuesOf(scenario({ ...grouped, track: ['w-3'] })), [
    ['track[0]', '"w-3" is neither a validator id nor an entry name'],
  ]);
});
