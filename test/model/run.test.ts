import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { ModelRun, TIME_LIMIT_US } from '../../src/model/run.js';
import type { PeriodRecord } from '../../src/model/records.js';
import { loadScenario } from '../../src/scenario/load.js';
import { int, s, scenario, validator } from './scenario-builders.js';

test('a run bounded by rounds that can never reach them stops at the time limit, with that reason', () => {
  // Fixed rules skip pools without tickets: the zero-stake validator's blocks never make a round.
  const sc = scenario(
    [
      validator('zero', { balance: int(0), submissions: { kind: 'every', intervalUs: s(2000), phaseUs: 0 } }),
      validator('rich', { balance: int(100), leaveUs: s(1) }),
    ],
    {
      rules: 'fixed',
      rounds: 3,
      durationUs: null,
      timings: { intakeUs: s(1000), lotteryUs: s(2000), syncUs: s(2000), pollUs: s(2000), jitterUs: 0 },
    },
  );
  const result = new ModelRun(sc, { round: () => undefined }).runToEnd();
  assert.equal(result.stopReason, 'time-limit');
  assert.equal(result.endUs, TIME_LIMIT_US);
  assert.equal(result.counters.rounds, 0);
  assert.ok(result.counters.emptyPoolsSkipped > 0);
});

test('the sync traffic counter stays exact beyond 2^53 bytes: it is the sum of the periods, to the byte', () => {
  const whales = loadScenario('whales.yaml', readFileSync('scenarios/whales.yaml', 'utf8'), { rounds: 4000 });
  let periodSum = 0n;
  const run = new ModelRun(whales, { round: () => undefined, period: (p: PeriodRecord) => (periodSum += BigInt(p.syncBytes)) });
  const result = run.runToEnd();
  assert.ok(result.counters.syncBytes > 2n ** 53n, `${result.counters.syncBytes}`);
  assert.equal(result.counters.syncBytes, periodSum);
});

test('results do not depend on how the run is sliced (the CLI sizes slices by wall time)', () => {
  for (const file of ['whales.yaml', 'churn.yaml', 'compounding.yaml', 'participation.yaml']) {
    const sc = loadScenario(file, readFileSync(`scenarios/${file}`, 'utf8'), { rounds: 150 });
    const digests = [0.9e6, 7.3e6, 2000e6].map((slice) => {
      const hash = createHash('sha256');
      const observe = (record: unknown) => hash.update(JSON.stringify(record, (_, v: unknown) => (typeof v === 'bigint' ? `${v}n` : v)));
      const run = new ModelRun(sc, { round: observe, period: observe, block: (json) => hash.update(json) });
      while (!run.advance(slice)) run.takeChangedValidators();
      const r = run.result();
      observe(r.counters);
      observe([...r.validators.wins, ...r.validators.expectedWins, ...r.validators.stake]);
      return hash.digest('hex');
    });
    assert.equal(new Set(digests).size, 1, file);
  }
});
