import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { ScenarioError, formatProblem, hasSweep, loadScenario, loadSweep, type ScenarioProblem } from '../../src/scenario/load.js';

const FIXTURES = 'test/fixtures/scenarios';
const SCENARIOS = 'scenarios';

/** The problems loadScenario throws for a text (fails the test if it loads). */
function problemsOf(file: string, text: string): ScenarioProblem[] {
  try {
    loadScenario(file, text);
  } catch (error) {
    if (error instanceof ScenarioError) return [...error.problems];
    throw error;
  }
  assert.fail(`${file} loaded, but problems were expected`);
}

function fixtureProblems(name: string): [number, number, string, string][] {
  return problemsOf(name, readFileSync(join(FIXTURES, name), 'utf8')).map((p) => [p.line, p.column, p.path, p.value]);
}

test('every scenario shipped in scenarios/ loads without problems (a sweep with every cell)', () => {
  const files = readdirSync(SCENARIOS).filter((f) => f.endsWith('.yaml'));
  assert.ok(files.length >= 4);
  for (const file of files) {
    const text = readFileSync(join(SCENARIOS, file), 'utf8');
    if (hasSweep(text)) {
      assert.ok(loadSweep(file, text).plan.cells.length > 1, file);
      continue;
    }
    const scenario = loadScenario(file, text);
    assert.equal(scenario.source, file);
    assert.ok(scenario.validators.length > 0, file);
  }
});

test('malformed YAML: position of the syntax error, no guessed path', () => {
  assert.deepEqual(fixtureProblems('malformed.yaml'), [[7, 4, '', '"submit: none"']]);
});

test('duplicate key: position and path of the second occurrence', () => {
  assert.deepEqual(fixtureProblems('duplicate-key.yaml'), [[4, 1, 'seed', '"seed: 2"']]);
});

test('wrong type: position of the value', () => {
  const [problem] = problemsOf('wrong-type.yaml', readFileSync(join(FIXTURES, 'wrong-type.yaml'), 'utf8'));
  assert.deepEqual(problem, {
    file: 'wrong-type.yaml',
    line: 2,
    column: 7,
    path: 'seed',
    message: 'expected an integer from 0 to 4294967295, got "forty-two"',
    value: '"forty-two"',
  });
});

test('negative count: position of the value', () => {
  assert.deepEqual(fixtureProblems('negative-count.yaml'), [[6, 12, 'validators[0].count', '-3']]);
});

test('unknown key: position of the key, with a hint, and no second message about the missing key', () => {
  const problems = problemsOf('unknown-key.yaml', readFileSync(join(FIXTURES, 'unknown-key.yaml'), 'utf8'));
  assert.deepEqual(
    problems.map((p) => [p.line, p.column, p.path, p.value]),
    [[6, 5, 'validators[0].stke', '1000000']],
  );
  assert.equal(
    formatProblem(problems[0] as ScenarioProblem),
    'unknown-key.yaml:6:5 validators[0].stke: unknown key "stke"; did you mean "stake"?',
  );
});

test('all problems are reported at once, in reading order', () => {
  assert.deepEqual(fixtureProblems('three-errors.yaml'), [
    [6, 3, 'timings.lotery', '10'],
    [9, 12, 'validators[0].stake', '-5'],
    [14, 25, 'validators[1].submit.at[2]', '7'],
  ]);
});

test('times finer than their resolution, and leave at connect', () => {
  assert.deepEqual(fixtureProblems('bad-times.yaml'), [
    [3, 11, 'duration', '1e-7'],
    [5, 9, 'timings.poll', '0.0005'],
    [10, 32, 'validators[0].submit.phase', '0.1234567'],
    [11, 12, 'validators[0].leave', '10'],
  ]);
});

test('the error message lists every problem, one formatted line each', () => {
  const text = readFileSync(join(FIXTURES, 'three-errors.yaml'), 'utf8');
  assert.throws(
    () => loadScenario('three-errors.yaml', text),
    (error: unknown) =>
      error instanceof ScenarioError &&
      error.message ===
        [
          'three-errors.yaml: 3 problems in the scenario',
          'three-errors.yaml:6:3 timings.lotery: unknown key "lotery"; did you mean "lottery"?',
          'three-errors.yaml:9:12 validators[0].stake: expected an integer >= 0, got -5',
          'three-errors.yaml:14:25 validators[1].submit.at[2]: times must be strictly ascending, got 7 after 8',
        ].join('\n'),
  );
});

test('a missing required key points at the parent mapping', () => {
  const text = 'name: x\nseed: 1\nrounds: 5\nvalidators:\n  - name: a\n    submit: none\n';
  const problems = problemsOf('m.yaml', text);
  assert.deepEqual(
    problems.map((p) => [p.line, p.column, p.path, p.message, p.value]),
    [[5, 5, 'validators[0].stake', 'missing required key "stake"', '']],
  );
});

test('an empty file is one problem at 1:1', () => {
  assert.deepEqual(
    problemsOf('empty.yaml', '# nothing here\n').map((p) => [p.line, p.column, p.path]),
    [[1, 1, '']],
  );
});

test('overrides replace seed and rounds after validation', () => {
  const text = readFileSync(join(SCENARIOS, 'tutorial.yaml'), 'utf8');
  const scenario = loadScenario('tutorial.yaml', text, { seed: 9, rounds: 3 });
  assert.equal(scenario.seed, 9);
  assert.equal(scenario.rounds, 3);
  assert.equal(scenario.durationUs, 60_000_000);
  assert.throws(() => loadScenario('tutorial.yaml', text, { seed: -1 }), RangeError);
  assert.throws(() => loadScenario('tutorial.yaml', text, { rounds: 0 }), RangeError);
});

test('the seed override changes the draws, as the file seed would', () => {
  const text = 'name: x\nseed: 1\nrounds: 5\nvalidators:\n  - {name: a, count: 3, stake: 1, submit: {every: 10}}\n';
  const viaOverride = loadScenario('x.yaml', text, { seed: 2 });
  const viaFile = loadScenario('x.yaml', text.replace('seed: 1', 'seed: 2'));
  assert.deepEqual(viaOverride.validators, viaFile.validators);
});

test('the example in docs/scenarios.md loads', () => {
  const doc = readFileSync('docs/scenarios.md', 'utf8');
  const example = /```yaml\n([\s\S]*?)```/.exec(doc)?.[1];
  assert.ok(example !== undefined);
  const scenario = loadScenario('example.yaml', example);
  assert.equal(scenario.validators.length, 5 + 5000 + 1);
});

test('a misspelt key is one problem, not also a missing key', () => {
  const text = 'name: x\nseed: 1\nrounds: 5\nvalidators:\n  - name: a\n    stake: 1\n    sumbit: none\n';
  assert.deepEqual(
    problemsOf('x.yaml', text).map(formatProblem),
    ['x.yaml:7:5 validators[0].sumbit: unknown key "sumbit"; did you mean "submit"?'],
  );
});
