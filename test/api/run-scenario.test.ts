import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { runCommand } from '../../src/cli/run-command.js';
import { loadScenario, readResults, runScenario, ScenarioError } from '../../src/api/index.js';
import { repoPath, scratchDir } from '../cli/run-cli.js';

const compounding = repoPath('scenarios/compounding.yaml');

/** `pos-sim run` in-process into a new folder under `dir`; returns the folder. */
async function cliRun(scenarioPath: string, dir: string, extra: { seed?: number; rounds?: number; replications?: number; sampleEvery?: number }) {
  const out = join(dir, 'out');
  await runCommand({ scenarioPath, out, force: false, quiet: true, chain: false, report: false, workers: 1, argv: ['run'], resultsRoot: dir, ...extra });
  return out;
}

test('runScenario gives what readResults reads from the folder `pos-sim run` writes, replications included', async () => {
  const options = { seed: 11, rounds: 120, replications: 3, sampleEvery: 7 };
  const inMemory = await runScenario(compounding, { ...options, keepRounds: true });
  const fromFolder = await readResults(await cliRun(compounding, scratchDir(), options), { rounds: true });
  assert.deepEqual(inMemory, fromFolder);
  // Not vacuous: every table has its rows.
  assert.equal(inMemory.summary.rounds, 120);
  assert.equal(inMemory.rounds?.length, 120);
  assert.equal(inMemory.validators.length, 100);
  assert.equal(inMemory.timeseries.at(-1)?.round, 120);
  assert.equal(inMemory.replications.length, 3 * 3, 'three replications of three tracked series');
  assert.deepEqual([...new Set(inMemory.replications.map((r) => r.seed))].length, 3);
  assert.ok(inMemory.summary.replications !== undefined);
});

test('records are typed: numbers as numbers, text as text, an empty number as NaN', async () => {
  const r = await runScenario(repoPath('scenarios/churn.yaml'), { keepRounds: true });
  const late = r.validators.find((v) => v.group === 'late');
  assert.ok(late);
  assert.equal(late.balance, 'abc');
  assert.equal(late.roundsInPool, 0);
  assert.ok(Number.isNaN(late.winRate), 'no rounds in the pool: the win rate is undefined');
  assert.equal(typeof r.quirks[0]?.lotteryAlive, 'number');
  assert.equal(r.quirks.at(-1)?.lotteryAlive, 0, 'the lottery thread dies in churn');
  assert.equal(typeof r.rounds?.[0]?.winner, 'string');
  assert.equal(r.replications.length, 0);
});

test('overrides: seed and rounds replace the file\'s, set changes any field before validation', async () => {
  const base = loadScenario(compounding);
  assert.equal(base.resolved.seed, 2024);
  const fixed = await runScenario(base, { rounds: 50, set: { rules: 'fixed', 'rewards.constant': 7, 'validators[0].stake': 900 } });
  assert.equal(fixed.summary.rules, 'fixed');
  assert.equal(fixed.summary.rounds, 50);
  assert.deepEqual(fixed.summary.rewards.rule, { kind: 'constant', amount: 7 });
  assert.equal(fixed.validators[0]?.initialStake, 900);
  const noRewards = await runScenario(base, { rounds: 50, set: { rewards: undefined } });
  assert.equal(noRewards.summary.rewards.rule.kind, 'none');
  // Same seed, same run; another seed, another run.
  const again = await runScenario(base, { rounds: 50, set: { rules: 'fixed', 'rewards.constant': 7, 'validators[0].stake': 900 } });
  assert.deepEqual(again, fixed);
  const other = await runScenario(base, { rounds: 50, seed: 1, set: { rules: 'fixed', 'rewards.constant': 7, 'validators[0].stake': 900 } });
  assert.notDeepEqual(
    other.validators.map((v) => v.wins),
    fixed.validators.map((v) => v.wins),
  );
});

test('a change that makes the scenario invalid is reported like a file problem; a bad path or count is refused', async () => {
  await assert.rejects(runScenario(compounding, { set: { 'rewards.constant': -1 } }), (e: unknown) => {
    assert.ok(e instanceof ScenarioError);
    assert.match(e.message, /rewards\.constant/);
    return true;
  });
  await assert.rejects(runScenario(compounding, { set: { 'rewards..x': 1 } }), /not a field path/);
  await assert.rejects(runScenario(compounding, { set: { 'name.x': 1 } }), /not a mapping or a list/);
  await assert.rejects(runScenario(compounding, { replications: 0 }), /replications must be an integer >= 1/);
});

test('readResults refuses what is not a results folder', async () => {
  await assert.rejects(readResults(join(scratchDir(), 'missing')), /no results folder/);
  await assert.rejects(readResults(scratchDir()), /no summary\.json/);
});
