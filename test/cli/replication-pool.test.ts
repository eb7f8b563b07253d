import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { openReplicationPool } from '../../src/cli/replication-pool.js';
import { startReplicationPool } from './replication-pools.js';
import { trackedSeries } from '../../src/scenario/tracked-series.js';
import { loadScenario } from '../../src/scenario/load.js';

const scenario = loadScenario('compounding.yaml', readFileSync(new URL('../../scenarios/compounding.yaml', import.meta.url), 'utf8'), { rounds: 30 });

test('a cancelled pool stops its workers without an unhandled rejection', async () => {
  const unhandled: unknown[] = [];
  const record = (reason: unknown) => unhandled.push(reason);
  process.on('unhandledRejection', record);
  try {
    const pool = startReplicationPool(scenario, trackedSeries(scenario), [1, 2, 3, 4], 2, () => undefined);
    pool.cancel(); // as when the main run fails before the outcomes are awaited
    await new Promise((resolve) => setTimeout(resolve, 1000));
    assert.deepEqual(unhandled, []);
    await assert.rejects(pool.outcomes(), /replication worker exited|produced no result/);
  } finally {
    process.off('unhandledRejection', record);
  }
});

test('workers share the replications through one counter: each outcome once, in the order asked', async () => {
  let done = 0;
  const ks = [5, 1, 3, 2, 4];
  const outcomes = await startReplicationPool(scenario, trackedSeries(scenario), ks, 3, () => done++).outcomes();
  assert.deepEqual(outcomes.map((o) => o.replication), ks);
  assert.equal(done, ks.length);
});

test('a pool opened before its scenario is read waits for it, and one cancelled before that stops', async () => {
  const waiting = openReplicationPool([1, 2], 2, () => undefined);
  await new Promise((resolve) => setTimeout(resolve, 300)); // the workers are up, with nothing to do
  waiting.begin(scenario, trackedSeries(scenario));
  assert.deepEqual((await waiting.outcomes()).map((o) => o.replication), [1, 2]);
  assert.throws(() => waiting.begin(scenario, trackedSeries(scenario)), /has its work already/);

  const abandoned = openReplicationPool([1, 2], 2, () => undefined);
  abandoned.cancel(); // as when the scenario file is bad
  await assert.rejects(abandoned.outcomes(), /replication worker exited|produced no result/);
});

test('the outcomes wait for the replications this thread took, even when the workers finish first', async () => {
  const pool = startReplicationPool(scenario, trackedSeries(scenario), [1, 2], 1, () => undefined);
  // work() takes the first replication at once, before the worker has seen any message.
  const here = pool.work();
  // This thread stalls mid-replication while the worker does the other one and posts that it is done.
  const stallUntil = performance.now() + 3000;
  while (performance.now() < stallUntil);
  const outcomes = await pool.outcomes();
  assert.deepEqual(outcomes.map((o) => o.replication), [1, 2]);
  await here;
});
