import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ScenarioError, formatProblem, loadScenario } from '../../src/scenario/load.js';

/** The problem lines of a scenario text ([] when it loads). */
function problems(text: string, overrides: { rounds?: number } = {}): string[] {
  try {
    loadScenario('s.yaml', text, overrides);
    return [];
  } catch (error) {
    if (error instanceof ScenarioError) return error.problems.map(formatProblem);
    throw error;
  }
}

const scenario = (top: string, validators = '  - {name: a, count: 3, stake: 10, submit: {every: 10}}') =>
  `${top}\nvalidators:\n${validators}\n`;

test('a scenario name that could leave or nest the results folder, or exceed a file name, is refused', () => {
  for (const name of ['"../../escaped"', '"sub/dir"', '".hidden"', '".."', `"${'x'.repeat(300)}"`, '"a\\0b"', '""', '"trailing."']) {
    const lines = problems(scenario(`name: ${name}\nseed: 1\nrounds: 3`));
    assert.equal(lines.length, 1, `${name}: ${lines.join('\n')}`);
    assert.match(lines[0]!, /^s\.yaml:1:7 name: expected (a name made of letters|a text of at most 100 characters)/);
  }
  assert.deepEqual(problems(scenario('name: whales.v2-final_1\nseed: 1\nrounds: 3')), []);
});

test('every run can end: under fixed rules, clients typing forever without a ticket holder who does are refused for a run bounded by rounds', () => {
  const zero = '  - {name: a, count: 3, stake: 0, submit: {every: 10}}\n  - {name: b, stake: 5, submit: none}';
  const refused = /^s\.yaml:\d+:3 validators: clients type forever, but none of them holds tickets: under rules: fixed their pools are skipped/;
  assert.match(problems(scenario('name: s\nseed: 1\nrounds: 3\nrules: fixed', zero))[0]!, refused);
  // A ticket holder that submits once, or is evicted by its first line, does not keep the run going.
  const once = '  - {name: a, count: 3, stake: 0, submit: {every: 1}}\n  - {name: b, stake: 5, submit: {at: [4]}}';
  assert.match(problems(scenario('name: s\nseed: 1\nrounds: 2\nrules: fixed', once))[0]!, refused);
  const evicted = '  - {name: a, count: 3, stake: 0, submit: {every: 1}}\n  - {name: b, stake: 5, bpm: ["abc"], submit: {every: 10}}';
  assert.match(problems(scenario('name: s\nseed: 1\nrounds: 2\nrules: fixed', evicted))[0]!, refused);
  const keeps = '  - {name: a, count: 3, stake: 0, submit: {every: 1}}\n  - {name: b, stake: 5, bpm: ["7"], submit: {poisson: 0.1}}';
  assert.deepEqual(problems(scenario('name: s\nseed: 1\nrounds: 2\nrules: fixed', keeps)), []);
  // The seed's server crashes on a pool without tickets (quirk 3): that run ends, so it is fine.
  assert.deepEqual(problems(scenario('name: s\nseed: 1\nrounds: 3\nrules: seed', zero)), []);
  // A duration bounds any run; clients that stop typing (leave, or a list of times) end it as idle.
  assert.deepEqual(problems(scenario('name: s\nseed: 1\nrounds: 3\nduration: 60\nrules: fixed', zero)), []);
  const leaving = '  - {name: a, count: 3, stake: 0, submit: {every: 10}, leave: 100}';
  assert.deepEqual(problems(scenario('name: s\nseed: 1\nrounds: 3\nrules: fixed', leaving)), []);
  assert.deepEqual(problems(scenario('name: s\nseed: 1\nrounds: 3', '  - {name: a, count: 3, stake: 10, submit: none}')), []);
});

test('rounds are bounded by the time limit of 10^8 s, in the file and as an override', () => {
  assert.match(problems(scenario('name: s\nseed: 1\nrounds: 1e12'))[0]!, /^s\.yaml:3:9 rounds: 1,000,000,000,000 rounds of at least 10 s each need more virtual time than the limit of 1e8 s; at most 10,000,000 rounds fit/);
  assert.deepEqual(problems(scenario('name: s\nseed: 1\nrounds: 10000000')), []);
  // Literal mode draws every intake period (5 s).
  assert.match(problems(scenario('name: s\nseed: 1\nrounds: 30000000\nlottery: literal'))[0]!, /at most 20,000,000 rounds fit/);
  assert.deepEqual(problems(scenario('name: s\nseed: 1\nrounds: 3'), { rounds: 10_000_000 }), []);
  assert.match(problems(scenario('name: s\nseed: 1\nrounds: 3'), { rounds: 1e12 })[0]!, /rounds: the rounds override: 1,000,000,000,000 rounds/);
});

test('typed numbers beyond 2^53 and stakes adding up beyond it are refused where they are written', () => {
  const big = '  - {name: a, stake: "99999999999999999999999", submit: {every: 10}}';
  assert.match(problems(scenario('name: s\nseed: 1\nrounds: 3', big))[0]!, /^s\.yaml:5:22 validators\[0\]\.stake: "99999999999999999999999" reads as an integer beyond 2\^53 - 1/);
  const bpm = '  - {name: a, stake: 5, bpm: ["1", "-99999999999999999999"], submit: {every: 10}}';
  assert.match(problems(scenario('name: s\nseed: 1\nrounds: 3', bpm))[0]!, /validators\[0\]\.bpm: "-99999999999999999999" reads as an integer beyond/);
  const sum = '  - {name: a, count: 3, stake: 4503599627370496, submit: {every: 10}}';
  assert.match(problems(scenario('name: s\nseed: 1\nrounds: 3', sum))[0]!, /validators: the stakes add up to 13,510,798,882,111,488 tokens, beyond 2\^53 - 1/);
  // Exactly 2^53 - 1 in total is still exact.
  const edge = '  - {name: a, stake: 9007199254740990, submit: {every: 10}}\n  - {name: b, stake: "1", submit: {every: 10}}';
  assert.deepEqual(problems(scenario('name: s\nseed: 1\nrounds: 3', edge)), []);
});

test('deep nesting is refused with its position, not a stack overflow', () => {
  const flow = `name: s\nseed: 1\nrounds: 3\ndescription: ${'['.repeat(5000)}${']'.repeat(5000)}\nvalidators: []\n`;
  assert.match(problems(flow)[0]!, /^s\.yaml:4:\d+ the document nests deeper than 32 levels/);
  const block = `name: s\nseed: 1\nrounds: 3\ntimings:\n${Array.from({ length: 5000 }, (_, i) => `${' '.repeat(i + 1)}a:`).join('\n')}\n`;
  assert.match(problems(block)[0]!, /the document nests deeper than 32 levels/);
});

test('the entry and validator limits bound what a generated file can ask for', () => {
  const entries = Array.from({ length: 10_001 }, (_, i) => `  - {name: v${i}, stake: 1, submit: {every: 10}}`).join('\n');
  assert.match(problems(scenario('name: s\nseed: 1\nrounds: 3', entries))[0]!, /validators: expected a list of at most 10000 items/);
  const many = '  - {name: a, count: 1000000, stake: 1, submit: none}\n  - {name: b, count: 1000000, stake: 1, submit: none}\n  - {name: c, count: 1, stake: 1, submit: {every: 10}}';
  assert.match(problems(scenario('name: s\nseed: 1\nrounds: 3', many))[0]!, /the scenario makes 2,000,001 validators; pos-sim runs at most 2,000,000/);
});

test('a Poisson rate beyond 1,000 lines per second is refused (a huge one typed forever at one instant)', () => {
  const huge = '  - {name: a, count: 3, stake: 10, submit: {poisson: 2.4470618115062992e+42}}';
  assert.match(problems(scenario('name: s\nseed: 1\nrounds: 3', huge))[0]!, /^s\.yaml:5:\d+ validators\[0\]\.submit\.poisson: expected a number > 0 and <= 1000, got 2\.4470618115062992e\+42/);
  assert.deepEqual(problems(scenario('name: s\nseed: 1\nrounds: 3', '  - {name: a, count: 3, stake: 10, submit: {poisson: 1000}}')), []);
});

test('a positive time too small for the resolution is refused, not read as 0', () => {
  assert.match(problems(scenario('name: s\nseed: 1\nrounds: 3\ntimings: {lottery: 1.0431492271860932e-62}'))[0]!, /timings\.lottery: 1\.0431492271860932e-62 s is finer than 1 ms/);
  assert.match(problems(scenario('name: s\nseed: 1\nrounds: 3', '  - {name: a, count: 2, stake: 5, submit: {every: 1e-62}}'))[0]!, /validators\[0\]\.submit\.every: 1e-62 s is finer than 1 µs/);
});
