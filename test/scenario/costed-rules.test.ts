import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DEFAULT_COSTS } from '../../src/scenario/costed-timing.js';
import { loadScenario, ScenarioError } from '../../src/scenario/load.js';

const base = 'name: t\nseed: 1\nduration: 60\nvalidators:\n  - {name: a, stake: 1, submit: {every: 10}}\n';

function problems(text: string): string[] {
  try {
    loadScenario('t.yaml', text);
    return [];
  } catch (error) {
    assert.ok(error instanceof ScenarioError);
    return error.problems.map((p) => `${p.line}:${p.column} ${p.path}: ${p.message}`);
  }
}

test('timing: costed resolves with the measured costs and speed-up 1 unless given', () => {
  const scenario = loadScenario('t.yaml', `timing: costed\ncosts: {lineUs: 5}\n${base}`);
  assert.deepEqual(scenario.costed, { speedup: 1, costs: { ...DEFAULT_COSTS, lineUs: 5 } });
  assert.equal(loadScenario('t.yaml', `timing: costed\nspeedup: 20\n${base}`).costed?.speedup, 20);
});

test('the ideal clock (the default) resolves exactly as before: no costed field at all', () => {
  assert.ok(!('costed' in loadScenario('t.yaml', base)));
  assert.ok(!('costed' in loadScenario('t.yaml', `timing: ideal\n${base}`)));
});

test('speedup and costs without timing: costed, costed with fixed rules, and bad values are located errors', () => {
  assert.deepEqual(problems(`speedup: 20\n${base}`), ['1:1 speedup: "speedup" applies to timing: costed only (this scenario\'s timing is ideal)']);
  assert.deepEqual(problems(`timing: costed\nrules: fixed\n${base}`), ['1:9 timing: the costed clock models the seed server: it needs rules: seed, got rules: fixed']);
  assert.equal(problems(`timing: costed\nspeedup: 0.5\n${base}`).length, 1);
  assert.equal(problems(`timing: costed\ncosts: {lineMs: 3}\n${base}`).length, 1);
});
