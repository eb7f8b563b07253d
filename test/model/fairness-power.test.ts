import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { ModelRun } from '../../src/model/run.js';
import { ValidatorTable } from '../../src/report/validator-table.js';
import { deriveStream, streamFromUint32 } from '../../src/rng/stream.js';
import { loadScenario } from '../../src/scenario/load.js';

const scenario = loadScenario('participation.yaml', readFileSync(new URL('../../scenarios/participation.yaml', import.meta.url), 'utf8'), {
  rounds: 1500,
});

test('a seeded run with fixed stakes passes the per-round fairness test', () => {
  const result = new ModelRun(scenario, { round: () => undefined }).runToEnd();
  const { fairness } = new ValidatorTable(scenario, result);
  assert.equal(fairness.perRound?.consistent, true, fairness.verdict);
  // Participation differs, so the seed's global claim fails on the same run.
  assert.equal(fairness.global?.consistent, false, fairness.globalVerdict);
});

test('a biased lottery (a test double favouring later tickets) fails it', () => {
  // Draws max of two uniform tickets: P(ticket t) grows linearly with t, so validators
  // later in the pool win more than their stake says.
  const fair = deriveStream(99, 'test', 'biased');
  const biased = streamFromUint32(() => fair.nextUint32());
  const draw = biased.nextIntBelow.bind(biased);
  biased.nextIntBelow = (n: number) => Math.max(draw(n), draw(n));
  const result = new ModelRun(scenario, { round: () => undefined }, { lotteryStream: biased }).runToEnd();
  const { fairness } = new ValidatorTable(scenario, result);
  assert.equal(fairness.perRound?.consistent, false, fairness.verdict);
  assert.ok(fairness.perRound!.chiSquare.pValue < 1e-6);
});
