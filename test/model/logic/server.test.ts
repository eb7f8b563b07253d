import assert from 'node:assert/strict';
import test from 'node:test';
import { ModelRun } from '../../../src/model/run.js';
import { BULK_RUNS, randomScenario, trace } from '../random-scenarios.js';

test('a run that does not print the chain counts the same rounds, stale blocks and sync bytes as one that does', () => {
  let stale = 0;
  for (let seed = 1; seed <= 40; seed++) {
    const sc = randomScenario(seed);
    const withChain = trace(sc, BULK_RUNS);
    const rounds: string[] = [];
    const periods: string[] = [];
    const result = new ModelRun(sc, {
      round: (r) => rounds.push(`round ${JSON.stringify(r)}`),
      period: (p) => periods.push(`period ${JSON.stringify(p)}`),
    }).runToEnd();
    assert.deepEqual(rounds, withChain.events.filter((e) => e.startsWith('round ')), `scenario seed ${seed}`);
    assert.deepEqual(periods, withChain.events.filter((e) => e.startsWith('period ')), `scenario seed ${seed}`);
    assert.deepEqual(result.counters, withChain.counters, `scenario seed ${seed}`);
    stale += result.counters.staleBlocksAppended;
  }
  assert.ok(stale > 0, 'the scenarios must append stale blocks');
});
