import assert from 'node:assert/strict';
import test from 'node:test';
import { CohortPool } from '../../../src/model/counting/cohort-pool.js';
import { residueOrder, residueOrderBySorting } from '../../../src/model/logic/periodic-submitters.js';
import { PosServer } from '../../../src/model/logic/server.js';
import { deriveStream } from '../../../src/rng/stream.js';
import type { SubmissionPlan } from '../../../src/scenario/types.js';
import { BULK_LINES, BULK_RUNS, PER_EVENT, randomScenario, randomSteadyScenario, trace } from '../random-scenarios.js';
import { s, scenario, validator } from '../scenario-builders.js';

test('periodic clients in bulk give exactly what one heap event per line gives (100 random scenarios)', () => {
  let rounds = 0;
  let lost = 0;
  for (let seed = 1; seed <= 100; seed++) {
    const sc = randomScenario(seed);
    const events = trace(sc, PER_EVENT);
    rounds += events.counters.rounds;
    lost += events.counters.announcementsLost;
    assert.deepEqual(trace(sc, BULK_LINES), events, `scenario seed ${seed}`);
  }
  // The comparison means something only if the scenarios really draw, and closed
  // connections' pollers (counted in bulk for periodic clients) really take messages.
  assert.ok(rounds > 300, `only ${rounds} rounds drawn in all`);
  assert.ok(lost > 20, `only ${lost} announcements lost in all`);
});

test('periodic clients typing in runs give exactly what one heap event per line gives (100 random scenarios)', () => {
  let rounds = 0;
  let runLines = 0;
  let steadyLines = 0;
  let steadyAfterUnsteady = 0;
  for (let seed = 1; seed <= 100; seed++) {
    const sc = randomScenario(seed, { constantBpm: true });
    const events = trace(sc, PER_EVENT);
    rounds += events.counters.rounds;
    const lines = linesInRuns(sc);
    runLines += lines.all;
    steadyLines += lines.steady;
    steadyAfterUnsteady += lines.steadyAfterUnsteady;
    assert.deepEqual(trace(sc, BULK_RUNS), events, `scenario seed ${seed}`);
  }
  assert.ok(rounds > 300, `only ${rounds} rounds drawn in all`);
  // Runs stop one interval before a member's close: the scenarios must still have many, steady ones too.
  assert.ok(runLines > 1000, `only ${runLines} lines typed in runs in all`);
  assert.ok(steadyLines > 1000, `only ${steadyLines} lines typed in steady runs in all`);
  // Cycles whose first members are not steady yet and the rest are (see PeriodicSubmitters.steadyPositionFrom): rare here, common below.
  assert.ok(steadyAfterUnsteady > 20, `only ${steadyAfterUnsteady} lines typed in steady runs after unsteady ones of their cycle`);
});

test('rounds drawn from whole cycles of periodic clients give exactly what the per-event path gives (100 random steady scenarios)', () => {
  let rounds = 0;
  let wholeCycleRounds = 0;
  for (let seed = 1; seed <= 100; seed++) {
    const sc = randomSteadyScenario(seed);
    const events = trace(sc, PER_EVENT);
    rounds += events.counters.rounds;
    const { result, draws } = countingWholeCycleDraws(() => trace(sc, BULK_RUNS));
    wholeCycleRounds += draws;
    assert.deepEqual(result, events, `scenario seed ${seed}`);
  }
  // A good share of rounds must take the whole-cycle way, and some the general one.
  assert.ok(wholeCycleRounds > rounds / 5, `only ${wholeCycleRounds} of ${rounds} rounds drawn from whole cycles`);
  assert.ok(wholeCycleRounds < rounds - 100, `${wholeCycleRounds} of ${rounds} rounds drawn from whole cycles: the general way is not compared`);
});

test('members connecting over several cycles, phases below their connect instant among them: cycles part steady give what one heap event per line gives', () => {
  // As the million bench workload: a phase below the connect instant makes a first line a cycle later.
  for (let seed = 1; seed <= 8; seed++) {
    const rng = deriveStream(seed, 'test', 'part-steady-cycles');
    const intervalS = [10, 10, 7, 4.5][seed % 4] as number;
    const validators = Array.from({ length: 300 }, (_, i) =>
      validator(`v${i}`, {
        connectUs: i * (10_000 + 1_000 * seed),
        submissions: { kind: 'every', intervalUs: s(intervalS), phaseUs: rng.nextIntBelow(s(intervalS)) },
        balance: { kind: 'int', value: 1 + rng.nextIntBelow(100) },
      }),
    );
    const sc = scenario(validators, { seed, durationUs: s(200), timings: { intakeUs: s(5), lotteryUs: s(10), syncUs: s(30), pollUs: s(3 * (1 + (seed % 3))), jitterUs: 0 } });
    const lines = linesInRuns(sc);
    assert.ok(lines.steadyAfterUnsteady > 50, `seed ${seed}: only ${lines.steadyAfterUnsteady} lines in steady runs after unsteady ones of their cycle`);
    assert.deepEqual(trace(sc, BULK_RUNS), trace(sc, PER_EVENT), `seed ${seed}`);
  }
});

test('bulk and per-event paths agree when a run stops at a round limit mid-period', () => {
  const every = (phaseS: number): SubmissionPlan => ({ kind: 'every', intervalUs: s(10), phaseUs: s(phaseS) });
  const sc = scenario(
    [0, 0, 2.5, 9.999999, 5].map((phase, i) => validator(`v${i}`, { submissions: every(phase) })),
    { rounds: 7, durationUs: null },
  );
  const events = trace(sc, PER_EVENT);
  assert.equal(events.counters.rounds, 7);
  assert.equal(events.stopReason, 'rounds');
  assert.deepEqual(trace(sc, BULK_LINES), events);
  assert.deepEqual(trace(sc, BULK_RUNS), events);
});

/** Lines the run path typed in runs of the scenario, all and steady ones (counted by wrapping the server's entry point). */
function linesInRuns(sc: Parameters<typeof trace>[0]): { all: number; steady: number; steadyAfterUnsteady: number } {
  const original = PosServer.prototype.submitRun;
  const lines = { all: 0, steady: 0, steadyAfterUnsteady: 0 };
  // Per source, the cycle of its last run that was not steady.
  const unsteadyCycle = new Map<Int32Array, number>();
  PosServer.prototype.submitRun = function (this: PosServer, run, bpm) {
    original.call(this, run, bpm);
    lines.all += run.typed;
    if (!run.steady) unsteadyCycle.set(run.connections, run.cycleStartUs);
    else {
      lines.steady += run.typed;
      if (unsteadyCycle.get(run.connections) === run.cycleStartUs) lines.steadyAfterUnsteady += run.typed;
    }
  };
  try {
    trace(sc, BULK_RUNS);
  } finally {
    PosServer.prototype.submitRun = original;
  }
  return lines;
}

/** `run()`'s result, and how many draws it made from whole cycles (by wrapping CohortPool.draw). */
function countingWholeCycleDraws<T>(run: () => T): { result: T; draws: number } {
  const original = CohortPool.prototype.draw;
  let draws = 0;
  CohortPool.prototype.draw = function (this: CohortPool, start, rng) {
    draws++;
    return original.call(this, start, rng);
  };
  try {
    return { result: run(), draws };
  } finally {
    CohortPool.prototype.draw = original;
  }
}

test('a pool stake of 2^53 or more stops the run alike on the per-event path and from whole cycles (whatever order the stakes are added in)', () => {
  const every: SubmissionPlan = { kind: 'every', intervalUs: s(10), phaseUs: s(1) };
  const balances = [2 ** 53 - 1, 1, 1, 1];
  const sc = scenario(
    balances.map((b, i) => validator(`v${i}`, { balance: { kind: 'int', value: b }, connectUs: i, submissions: every })),
    { durationUs: s(100) },
  );
  const events = trace(sc, PER_EVENT);
  assert.equal(events.stopReason, 'stake-limit');
  assert.equal(events.counters.rounds, 0, 'no draw from a pool a double cannot hold');
  assert.deepEqual(trace(sc, BULK_LINES), events);
  assert.deepEqual(trace(sc, BULK_RUNS), events);
});

test('residueOrder is the comparator sort of residueOrderBySorting, connections in order or not, ties common', () => {
  const rng = deriveStream(17, 'test', 'residue-order');
  for (let c = 0; c < 500; c++) {
    const n = rng.nextIntBelow(c < 490 ? 200 : 50_000);
    const residues = Float64Array.from({ length: n }, () => rng.nextIntBelow(c % 2 === 0 ? 5 : 10_000_000));
    // Ascending connections (as ClientDriver makes them), with gaps; or shuffled; or with a negative residue.
    let next = 0;
    const connections = Int32Array.from({ length: n }, () => (next += 1 + rng.nextIntBelow(3)));
    if (c % 5 === 1) connections.reverse();
    if (c % 7 === 3 && n > 0) residues[rng.nextIntBelow(n)] = -1;
    const fast = Array.from(residueOrder(residues, connections));
    assert.deepEqual(fast, Array.from(residueOrderBySorting(residues, connections)), `case ${c}`);
  }
});
