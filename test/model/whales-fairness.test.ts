import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { ModelRun } from '../../src/model/run.js';
import { loadScenario } from '../../src/scenario/load.js';
import { binomialInterval } from '../stats/oracles/binomialInterval.js';

test("whales' empirical win share lies within a binomial interval of p = stake / pool stake", () => {
  const file = new URL('../../scenarios/whales.yaml', import.meta.url).pathname;
  const scenario = loadScenario('whales.yaml', readFileSync(file, 'utf8'), { rounds: 400 });
  const result = new ModelRun(scenario, { round: () => undefined }).runToEnd();
  const rounds = result.counters.rounds;
  assert.equal(rounds, 400);
  const whales = scenario.validators.flatMap((v, i) => (v.group === 'whale' ? [i] : []));
  assert.equal(whales.length, 5);
  const sum = (a: Float64Array) => whales.reduce((acc, i) => acc + (a[i] as number), 0);
  const wins = sum(result.validators.wins);
  const expectedShare = sum(result.validators.expectedWins) / rounds;
  // Everyone submits every 10 s, so each round's pool is everybody and p is the global share.
  assert.ok(Math.abs(expectedShare - 5e6 / (5e6 + 5000 * 100)) < 0.002);
  // Seeded, so this either always passes or always fails; 99.99% so a correct lottery
  // would fail for fewer than 1 seed in 10,000.
  const interval = binomialInterval(expectedShare, rounds, 0.9999);
  assert.ok(wins >= interval.lowerCount && wins <= interval.upperCount, `${wins} not in [${interval.lowerCount}, ${interval.upperCount}]`);
  for (const i of whales) {
    const one = binomialInterval((result.validators.expectedWins[i] as number) / rounds, rounds, 0.9999);
    const w = result.validators.wins[i] as number;
    assert.ok(w >= one.lowerCount && w <= one.upperCount, `whale ${i}: ${w} wins`);
  }
});
