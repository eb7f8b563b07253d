import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { runReplications } from '../cli/replication-pools.js';
import { aggregateReplications } from '../../src/replications/aggregate.js';
import { replicationSeed } from '../../src/replications/replication-seed.js';
import { replicationOutcome, runReplication } from '../../src/replications/run-replication.js';
import { ModelRun } from '../../src/model/run.js';
import { trackedSeries } from '../../src/scenario/tracked-series.js';
import { loadScenario } from '../../src/scenario/load.js';
import { ConcentrationSampler } from '../../src/report/concentration-csv.js';

const load = (name: string, rounds: number) =>
  loadScenario(name, readFileSync(new URL(`../../scenarios/${name}`, import.meta.url), 'utf8'), { rounds });

test('replication seeds: 0 is the run seed, others depend only on (seed, k)', () => {
  assert.equal(replicationSeed(2024, 0), 2024);
  assert.equal(replicationSeed(2024, 7), replicationSeed(2024, 7));
  assert.notEqual(replicationSeed(2024, 7), replicationSeed(2024, 8));
  assert.notEqual(replicationSeed(2024, 7), replicationSeed(2025, 7));
});

test('the same run seed gives identical replication rows whatever the order or the number of workers', async () => {
  const scenario = load('compounding.yaml', 100);
  const tracked = trackedSeries(scenario);
  const ks = [0, 1, 2, 3, 4, 5];
  const inThread = await runReplications(scenario, tracked, ks, 1);
  const onWorkers = await runReplications(scenario, tracked, ks, 2);
  assert.deepEqual(onWorkers, inThread);
  // Computed alone and backwards: replication k does not depend on the others.
  const backwards = [5, 4, 3, 2, 1, 0].map((k) => runReplication(scenario, k, tracked)).reverse();
  assert.deepEqual(backwards, inThread);
  assert.notDeepEqual(inThread[1]!.series, inThread[2]!.series);
});

test('replication 0 is the main run: its outcome from a fully observed run equals a fresh replication 0', () => {
  const scenario = load('compounding.yaml', 60);
  const tracked = trackedSeries(scenario);
  let observed = 0;
  const count = () => void observed++;
  const main = new ModelRun(scenario, { round: count, block: count, period: count }).runToEnd();
  assert.ok(observed > 60);
  assert.deepEqual(replicationOutcome(0, scenario.seed, main, tracked), runReplication(scenario, 0, tracked));
});

test('a replication\'s stake Gini, HHI and Nakamoto are the final sample\'s (summary.json, timeseries.csv) to the last bit: one implementation for both (the values themselves are checked in test/stats against the per-holder oracles)', () => {
  const scenario = load('compounding.yaml', 200);
  const result = new ModelRun(scenario, { round: () => undefined }).runToEnd();
  const outcome = replicationOutcome(0, scenario.seed, result, trackedSeries(scenario));
  const final = new ConcentrationSampler(result.validators.stake.length).sample(result.validators, result.counters.rounds, result.endUs).stake;
  assert.ok(final.gini > 0 && final.herfindahlHirschman > 0);
  assert.equal(outcome.stakeGini, final.gini);
  assert.equal(outcome.stakeHerfindahlHirschman, final.herfindahlHirschman);
  assert.equal(outcome.stakeNakamoto50, final.nakamoto50);
});

test('compounding rewards: the mean final share stays at the initial share, and the whale\'s wins follow the beta-binomial', () => {
  // Seeded: this either always passes or always fails. 120 replications x 300 rounds.
  const scenario = load('compounding.yaml', 300);
  const tracked = trackedSeries(scenario);
  const outcomes = Array.from({ length: 120 }, (_, k) => runReplication(scenario, k, tracked));
  const summary = aggregateReplications(scenario, outcomes);
  const whale = summary.tracked.find((t) => t.series === 'whale')!;
  assert.ok(whale.initialInsideInterval, `whale ${whale.initialShare} outside [${whale.ciLow}, ${whale.ciHigh}]`);
  assert.ok(whale.sdFinalShare > 0.01, 'shares must spread under compounding');
  assert.equal(summary.betaBinomial?.series, 'whale');
  assert.equal(summary.betaBinomial?.alpha, 5000 / 50);
  assert.ok(summary.betaBinomial!.pValue > 0.001, summary.betaBinomial!.verdict);
});

test('without rewards and with unequal participation there is no closed form, and the reason is given', () => {
  const scenario = load('participation.yaml', 30);
  const outcomes = [0, 1].map((k) => runReplication(scenario, k, trackedSeries(scenario)));
  const summary = aggregateReplications(scenario, outcomes);
  assert.equal(summary.betaBinomial, null);
  assert.equal(summary.binomial, null);
  assert.match(summary.betaBinomialNote, /not every validator took part in every round/);
});

test('without rewards and everyone in every round, the whale\'s wins follow Binomial(n, its share)', () => {
  // compounding.yaml with its reward taken away: the whale holds 5,000 of the tokens in
  // every round's pool. Seeded: this either always passes or always fails.
  const compounding = load('compounding.yaml', 200);
  const scenario = { ...compounding, rewards: { ...compounding.rewards, rule: { kind: 'none' as const } } };
  const outcomes = Array.from({ length: 120 }, (_, k) => runReplication(scenario, k, trackedSeries(scenario)));
  const summary = aggregateReplications(scenario, outcomes);
  assert.equal(summary.betaBinomial, null);
  const total = scenario.validators.reduce((a, v) => a + (v.balance.kind === 'int' ? v.balance.value : 0), 0);
  assert.equal(summary.binomial?.series, 'whale');
  assert.equal(summary.binomial?.share, 5000 / total);
  assert.ok(summary.binomial!.pValue > 0.001, summary.binomial!.verdict);
  assert.match(summary.binomial!.verdict, /^whale's wins are consistent with Binomial\(200, /);
  // Fair runs without rewards: rejections by either test are rare.
  assert.ok(summary.pitRejections <= 5 && summary.fairnessRejections <= 5);
});
