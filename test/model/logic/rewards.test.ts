import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rewardFor } from '../../../src/model/logic/rewards.js';
import { ModelRun } from '../../../src/model/run.js';
import type { PeriodRecord, RoundRecord } from '../../../src/model/records.js';
import type { ResolvedRewards } from '../../../src/scenario/types.js';
import { int, s, scenario, validator } from '../scenario-builders.js';

const rewards = (rule: ResolvedRewards['rule'], capStake: number | null = null): ResolvedRewards => ({
  rule,
  capStake,
  withdrawOnLeave: false,
});

test('reward rules: constant, inflation (floored), geometric (floored), and the cap', () => {
  assert.equal(rewardFor(rewards({ kind: 'none' }), 1, 1000, 10), 0);
  assert.equal(rewardFor(rewards({ kind: 'constant', amount: 7 }), 5, 1000, 10), 7);
  assert.equal(rewardFor(rewards({ kind: 'inflation', rate: 0.001 }), 5, 12_345, 10), 12);
  // floor(50 * 0.5^(3-1)) = 12
  assert.equal(rewardFor(rewards({ kind: 'geometric', initial: 50, ratio: 0.5 }), 3, 0, 0), 12);
  assert.equal(rewardFor(rewards({ kind: 'constant', amount: 7 }, 100), 1, 0, 95), 5);
  assert.equal(rewardFor(rewards({ kind: 'constant', amount: 7 }, 100), 1, 0, 100), 0);
});

test('a constant reward compounds into the winner\'s tickets for later rounds', () => {
  const every10 = { kind: 'every', intervalUs: s(10), phaseUs: s(1) } as const;
  const sc = scenario(
    [validator('a', { balance: int(10), submissions: every10 }), validator('b', { connectUs: 1, balance: int(10), submissions: every10 })],
    { durationUs: s(101), rewards: rewards({ kind: 'constant', amount: 5 }) },
  );
  const rounds: RoundRecord[] = [];
  const result = new ModelRun(sc, { round: (r) => rounds.push({ ...r }) }).runToEnd();
  assert.equal(rounds.length, 10);
  // Each round's pool stake is the previous one plus the reward just paid.
  rounds.forEach((r, k) => assert.equal(r.poolStake, 20 + 5 * k));
  const v = result.validators;
  assert.equal((v.stake[0] as number) + (v.stake[1] as number), 20 + 5 * 10);
  assert.equal(v.stake[0], 10 + 5 * (v.wins[0] as number));
  assert.deepEqual([...v.initialStake], [10, 10]);
});

test('period records report each sync period, with sync traffic per period adding up to the total', () => {
  const sc = scenario([validator('a', { submissions: { kind: 'every', intervalUs: s(10), phaseUs: s(1) } })], {
    durationUs: s(95),
  });
  const periods: PeriodRecord[] = [];
  const result = new ModelRun(sc, { round: () => undefined, period: (p) => periods.push({ ...p }) }).runToEnd();
  assert.deepEqual(periods.map((p) => p.timeUs), [s(30), s(60), s(90), s(95)]);
  assert.deepEqual(periods.map((p) => p.rounds), [3, 6, 9, 9]);
  const total = periods.reduce((a, p) => a + p.syncMessages, 0);
  assert.equal(total, result.counters.syncMessages);
  assert.ok(periods.every((p) => p.lotteryAlive));
  // Threads grow with every BPM typed: 3 server + handler + (1 + BPMs) pollers + BPMs senders
  // (BPMs typed by 30, 60, 90, 95 s: 3, 6, 9, 10).
  assert.deepEqual(periods.map((p) => p.threads), [3 + 1 + 4 + 3, 3 + 1 + 7 + 6, 3 + 1 + 10 + 9, 3 + 1 + 11 + 10]);
});
