import { createHash } from 'node:crypto';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ModelRun, type ModelResult } from '../../src/model/run.js';
import type { RoundRecord } from '../../src/model/records.js';
import type { ResolvedScenario, ServerRules } from '../../src/scenario/types.js';
import { s, scenario, text, validator } from './scenario-builders.js';

function run(sc: ResolvedScenario): { result: ModelResult; rounds: RoundRecord[]; blocks: string[] } {
  const rounds: RoundRecord[] = [];
  const blocks: string[] = [];
  const result = new ModelRun(sc, { round: (r) => rounds.push({ ...r }), block: (j) => blocks.push(j) }).runToEnd();
  return { result, rounds, blocks };
}

const both = (make: (rules: ServerRules) => ResolvedScenario) => ({ seed: run(make('seed')), fixed: run(make('fixed')) });

test('quirk 1: the literal lottery loop draws after every intake from t=10s, the periodic one every 10s', () => {
  const make = (lottery: 'periodic' | 'literal') =>
    scenario([validator('a', { submissions: { kind: 'every', intervalUs: s(5), phaseUs: s(1) } })], {
      lottery,
      durationUs: s(41),
    });
  const times = (sc: ResolvedScenario) => run(sc).rounds.map((r) => r.timeUs / 1e6);
  assert.deepEqual(times(make('periodic')), [10, 20, 30, 40]);
  assert.deepEqual(times(make('literal')), [10, 15, 20, 25, 30, 35, 40]);
});

test('quirk 2: a block built before a lottery but taken in after it is appended stale (seed), rebuilt (fixed)', () => {
  // Intake every 7 s: a's block (t=6) enters at 7 and wins at 10; b's (t=9, built on
  // genesis) enters at 14 and is appended at 20 on top of a's block.
  const make = (rules: ServerRules) =>
    scenario([validator('a', { at: [6] }), validator('b', { connectUs: 1, at: [9] })], {
      rules,
      durationUs: s(25),
      timings: { intakeUs: s(7), lotteryUs: s(10), syncUs: s(30), pollUs: s(3), jitterUs: 0 },
    });
  const { seed, fixed } = both(make);
  assert.deepEqual(seed.rounds.map((r) => [r.blockIndex, r.stale]), [[1, false], [1, true]]);
  assert.equal(seed.result.counters.staleBlocksAppended, 1);
  assert.equal(seed.result.counters.firstStaleRound, 2);
  assert.deepEqual(fixed.rounds.map((r) => [r.blockIndex, r.stale]), [[1, false], [2, false]]);
  assert.equal(fixed.result.counters.staleBlocksAppended, 0);
});

test('with default timings and no jitter no block is ever stale', () => {
  const validators = Array.from({ length: 20 }, (_, i) =>
    validator(`v${i}`, { connectUs: i, submissions: { kind: 'poisson', ratePerSecond: 0.3 } }),
  );
  const { result } = run(scenario(validators, { durationUs: s(2000) }));
  assert.ok(result.counters.rounds > 150);
  assert.equal(result.counters.staleBlocksAppended, 0);
});

test('jitter makes intake and lottery drift apart and stale blocks appear', () => {
  const validators = Array.from({ length: 20 }, (_, i) =>
    validator(`v${i}`, { connectUs: i, submissions: { kind: 'poisson', ratePerSecond: 0.3 } }),
  );
  const timings = { intakeUs: s(5), lotteryUs: s(10), syncUs: s(30), pollUs: s(3), jitterUs: s(0.5) };
  const { result, rounds } = run(scenario(validators, { durationUs: s(2000), timings }));
  assert.ok(result.counters.staleBlocksAppended > 1);
  // The first stale round stays the first, however many follow.
  assert.equal(result.counters.firstStaleRound, rounds.find((r) => r.stale)?.round);
});

test('jitter only ever delays a wake-up: sleeps are never shorter than the period', () => {
  const validators = Array.from({ length: 20 }, (_, i) =>
    validator(`v${i}`, { connectUs: i, submissions: { kind: 'poisson', ratePerSecond: 0.3 } }),
  );
  const timings = { intakeUs: s(5), lotteryUs: s(10), syncUs: s(30), pollUs: s(3), jitterUs: s(0.5) };
  const gaps = (lottery: 'periodic' | 'literal') => {
    const times = run(scenario(validators, { durationUs: s(600), timings, lottery })).rounds.map((r) => r.timeUs);
    return times.slice(1).map((t, i) => t - (times[i] as number));
  };
  // Periodic: the lottery's own sleeps. Literal: a draw right after each intake that took
  // blocks in, once the loop spins (its first draw ends the lottery thread's first sleep, not an intake's).
  for (const [lottery, periodUs] of [['periodic', s(10)], ['literal', s(5)]] as const) {
    const g = lottery === 'literal' ? gaps(lottery).slice(1) : gaps(lottery);
    assert.ok(g.length > 50, lottery);
    assert.ok(Math.min(...g) >= periodUs, `${lottery}: a gap of ${Math.min(...g)} µs`);
    assert.ok(g.some((gap) => gap > periodUs), `${lottery}: no wake-up was late`);
  }
});

test('quirk 3: everyone in the pool left, choice([]) kills the lottery (seed); the round is skipped (fixed)', () => {
  const make = (rules: ServerRules) =>
    scenario([validator('a', { at: [4, 14], leaveUs: s(6) }), validator('late', { connectUs: s(12), at: [13, 23] })], {
      rules,
      durationUs: s(31),
    });
  const { seed, fixed } = both(make);
  assert.deepEqual(seed.result.counters.halt, { reason: 'empty-pool', timeUs: s(10), afterRound: 0 });
  assert.equal(seed.rounds.length, 0);
  assert.equal(fixed.result.counters.halt, null);
  assert.equal(fixed.result.counters.emptyPoolsSkipped, 1);
  assert.deepEqual(fixed.rounds.map((r) => r.timeUs), [s(20), s(30)]);
});

test('quirk 4: a non-numeric balance kills the lottery when the pool reaches it (seed); refused at input (fixed)', () => {
  const make = (rules: ServerRules) =>
    scenario(
      [
        validator('good', { at: [4, 14, 24] }),
        validator('bad', { connectUs: s(11), balance: text('abc\n'), at: [12] }),
        validator('closed', { connectUs: s(1), balance: text(''), at: [3] }),
      ],
      { rules, durationUs: s(31) },
    );
  const { seed, fixed } = both(make);
  assert.deepEqual(seed.result.counters.halt, { reason: 'bad-balance', timeUs: s(20), afterRound: 1 });
  assert.equal(seed.rounds.length, 1);
  // An empty balance (connection closed at the prompt) is falsy: no tickets, no crash.
  assert.equal(seed.rounds[0]!.poolValidators, 1);
  assert.equal(fixed.result.counters.halt, null);
  assert.equal(fixed.result.counters.balancesRefused, 2);
  assert.equal(fixed.rounds.length, 3);
});

test('a negative balance gives no tickets and no error', () => {
  const sc = scenario([validator('neg', { balance: text('-5'), at: [4] }), validator('pos', { connectUs: 1, at: [4] })]);
  const { result, rounds } = run(sc);
  assert.equal(result.counters.halt, null);
  assert.ok(rounds.every((r) => r.winner === 1 && r.poolValidators === 1));
});

test('quirk 5: an announcement taken by a closed connection\'s poller is lost (seed); all hear it (fixed)', () => {
  // x's pollers wake at residues 0 s and 1 s of the 3 s period; x leaves at 2 s.
  // The lottery at 10 s (residue 1) is taken first by x's poller spawned at 1 s.
  const make = (rules: ServerRules) =>
    scenario([validator('x', { at: [1], leaveUs: s(2) }), validator('y', { connectUs: s(0.5), at: [5] })], {
      rules,
      durationUs: s(11),
    });
  const { seed, fixed } = both(make);
  assert.equal(seed.result.counters.announcementsMade, 1);
  assert.equal(seed.result.counters.announcementsLost, 1);
  assert.equal(seed.result.counters.announcementsDelivered, 0);
  assert.equal(fixed.result.counters.announcementsLost, 0);
  assert.equal(fixed.result.counters.announcementsDelivered, 1); // only y is still connected
});

test('quirk 6: threads and sync traffic grow with every BPM typed (seed), not with fixed rules', () => {
  const make = (rules: ServerRules) =>
    scenario([validator('a', { submissions: { kind: 'every', intervalUs: s(10), phaseUs: s(1) } })], {
      rules,
      durationUs: s(301),
    });
  const { seed, fixed } = both(make);
  // 30 BPMs typed (t = 1, 11, ..., 291): 31 pollers + 30 senders + handler + 3 server threads.
  assert.equal(seed.result.counters.peakThreads, 3 + 1 + 31 + 30);
  assert.equal(fixed.result.counters.peakThreads, 3 + 3);
  // Seed: the sender spawned at 1 + 10k s writes at 31 + 10k, 61 + 10k, ... before 301.
  let writes = 0;
  for (let k = 0; k < 30; k++) for (let t = 1 + 10 * k + 30; t < 301; t += 30) writes++;
  assert.equal(seed.result.counters.syncMessages, writes);
  assert.equal(fixed.result.counters.syncMessages, 10); // one sender, from connect at 0: 30, 60, ..., 300
});

test('quirk 7: two clients connecting in the same microsecond share an address (seed), not under fixed rules', () => {
  const make = (rules: ServerRules) =>
    scenario([validator('first', { balance: { kind: 'int', value: 1000 }, at: [4] }), validator('second', { at: [4] })], {
      rules,
    });
  const { seed, fixed } = both(make);
  assert.equal(seed.result.counters.addressCollisions, 1);
  assert.equal(seed.result.validators.addressOf(0), seed.result.validators.addressOf(1));
  // The later balance (100) overwrote the earlier (1000): one pool member holding 100 tickets.
  assert.deepEqual([seed.rounds[0]!.poolValidators, seed.rounds[0]!.poolStake], [1, 100]);
  assert.equal(fixed.result.counters.addressCollisions, 0);
  assert.notEqual(fixed.result.validators.addressOf(0), fixed.result.validators.addressOf(1));
  // Both connect at t = 0, when str(datetime.now()) is the server's start; the fixed
  // rules' second address hashes that text with '#1'.
  const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
  assert.equal(seed.result.validators.addressOf(1), sha256('2018-08-07 20:44:00'));
  assert.equal(fixed.result.validators.addressOf(0), sha256('2018-08-07 20:44:00'));
  assert.equal(fixed.result.validators.addressOf(1), sha256('2018-08-07 20:44:00#1'));
  assert.deepEqual([fixed.rounds[0]!.poolValidators, fixed.rounds[0]!.poolStake], [2, 1100]);
});

test('a bad BPM line evicts the validator: later blocks of the round find no balance', () => {
  const sc = scenario([
    validator('a', { at: [2, 3], bpm: { kind: 'cycle', entries: [{ kind: 'int', value: 9 }, text('oops')] } }),
    validator('b', { connectUs: 1, at: [4] }),
  ]);
  const { result, rounds } = run(sc);
  assert.equal(result.counters.evictions, 1);
  assert.equal(rounds[0]!.poolValidators, 1);
  assert.equal(rounds[0]!.winner, 1);
});

test('a sync write on a period boundary is in the period it ends: the report comes after everything of that instant', () => {
  // Fixed rules: one sender per connection, writing at connect + 30 s, + 60 s, ... The
  // run's last row counts only what came before its end (nothing at 90 s ran).
  const periods: Array<{ timeUs: number; syncMessages: number }> = [];
  new ModelRun(scenario([validator('a', { connectUs: 0 })], { rules: 'fixed', durationUs: s(90) }), {
    round: () => undefined,
    period: (p) => periods.push({ timeUs: p.timeUs, syncMessages: p.syncMessages }),
  }).runToEnd();
  assert.deepEqual(periods, [
    { timeUs: s(30), syncMessages: 1 },
    { timeUs: s(60), syncMessages: 1 },
    { timeUs: s(90), syncMessages: 0 },
  ]);
});
