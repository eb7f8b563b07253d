import { ModelRun } from '../../src/model/run.js';
import { deriveStream, type RandomStream } from '../../src/rng/stream.js';
import type { ResolvedScenario, ResolvedValidator, RewardRule, SubmissionPlan, TypedInput } from '../../src/scenario/types.js';
import { int, s, scenario, text, validator } from './scenario-builders.js';

/** How periodic clients type (see {@link ModelRun}'s test doubles). */
export interface PeriodicPath {
  readonly periodicInBulk?: boolean;
  readonly periodicRuns?: boolean;
}

/** The reference: one heap event per line. */
export const PER_EVENT: PeriodicPath = { periodicInBulk: false };
/** Batch sources, one line at a time. */
export const BULK_LINES: PeriodicPath = { periodicRuns: false };
/** Batch sources handing over runs of lines (the default). */
export const BULK_RUNS: PeriodicPath = {};

/** Everything a run reports, in order: the bulk paths must give exactly this, record for record. */
export function trace(sc: ResolvedScenario, path: PeriodicPath) {
  const events: string[] = [];
  const run = new ModelRun(
    sc,
    {
      round: (r) => events.push(`round ${JSON.stringify(r)}`),
      block: (json) => events.push(`block ${json}`),
      period: (p) => events.push(`period ${JSON.stringify(p)}`),
    },
    path,
  );
  const result = run.runToEnd();
  const v = result.validators;
  return {
    events,
    counters: result.counters,
    stopReason: result.stopReason,
    endUs: result.endUs,
    eventsProcessed: result.eventsProcessed,
    oddsPowerSums: Array.from(result.exactWins.allOddsPowerSums()),
    largeRoundMasses: Array.from(v.stake, (_, i) => {
      const masses = result.exactWins.largeRoundMasses(i);
      return masses && Array.from(masses);
    }),
    pitHistogram: Array.from(result.pitHistogram),
    validators: Object.fromEntries(
      Object.entries(v).map(([k, a]) => [
        k,
        // Addresses are a function (made when read): compared as the list it makes.
        typeof a === 'function' ? Array.from(v.stake, (_, i) => v.addressOf(i)) : Array.from(a as ArrayLike<unknown>),
      ]),
    ),
  };
}

const pick = <T>(rng: RandomStream, items: readonly T[]): T => items[rng.nextIntBelow(items.length)] as T;

/**
 * A random mix of clients that exercises what the bulk path must get right. With
 * `constantBpm`, every client types one integer, so periodic ones type in runs.
 */
export function randomScenario(seed: number, { constantBpm = false } = {}): ResolvedScenario {
  const rng = deriveStream(seed, 'test', 'periodic-submitters');
  const validators: ResolvedValidator[] = [];
  const count = 3 + rng.nextIntBelow(20);
  for (let i = 0; i < count; i++) {
    // Whole seconds and shared phases make same-instant ties common.
    const connectUs = pick(rng, [0, 0, s(1), s(7), s(12.5), s(31)]);
    const leaveUs = pick(rng, [null, null, connectUs + s(20), connectUs + s(45), connectUs + s(10)]);
    const intervalUs = pick(rng, [s(10), s(10), s(5), s(3), s(7.5), s(30)]);
    const submissions: SubmissionPlan = pick<SubmissionPlan>(rng, [
      { kind: 'every', intervalUs, phaseUs: 0 },
      { kind: 'every', intervalUs, phaseUs: rng.nextIntBelow(intervalUs) },
      { kind: 'every', intervalUs, phaseUs: rng.nextIntBelow(3) * s(1) },
      { kind: 'poisson', ratePerSecond: 0.3 },
      { kind: 'at', timesUs: [connectUs + s(2), connectUs + s(5), connectUs + s(15)] },
    ]);
    const entries: TypedInput[] = pick(rng, [[int(7)], [int(1), int(2), int(3)], [int(5), int(6), text('x')]]);
    validators.push(
      validator(`v${i}`, {
        balance: pick(rng, [int(100), int(1_000_000), int(0), int(-5), text(''), int(1 + rng.nextIntBelow(1000))]),
        connectUs,
        leaveUs,
        submissions,
        bpm:
          rng.nextIntBelow(4) === 0 && !constantBpm
            ? { kind: 'uniform', min: 60, max: 100 }
            : { kind: 'cycle', entries: constantBpm ? [int(60 + i)] : entries },
      }),
    );
  }
  return scenario(validators, {
    seed,
    rules: pick(rng, ['seed', 'fixed'] as const),
    lottery: pick(rng, ['periodic', 'literal'] as const),
    durationUs: s(pick(rng, [60, 125, 300])),
    timings: { intakeUs: s(5), lotteryUs: s(10), syncUs: s(30), pollUs: s(3), jitterUs: pick(rng, [0, 0, s(0.4)]) },
  });
}

/**
 * Periodic clients in the steady state the whole-cycle lottery serves (see
 * CohortPool): most type at the lottery's interval, with balances that keep them out
 * of the pool or crash it, shared addresses, late joiners and leavers, rewards that
 * change the pool every round, and an irregular client or two whose blocks break
 * whole cycles up.
 */
export function randomSteadyScenario(seed: number): ResolvedScenario {
  const rng = deriveStream(seed, 'test', 'steady-scenarios');
  const validators: ResolvedValidator[] = [];
  const count = 2 + rng.nextIntBelow(30);
  const intervalUs = pick(rng, [s(10), s(10), s(10), s(5), s(20)]);
  for (let i = 0; i < count; i++) {
    const irregular = rng.nextIntBelow(40) === 0;
    // Distinct microseconds, but for the odd pair that shares an address.
    const connectUs = pick(rng, [0, 0, 0, s(3), s(41)]) + (rng.nextIntBelow(30) === 0 ? 0 : 1 + i);
    validators.push(
      validator(`v${i}`, {
        balance: pick(rng, [int(100), int(100), int(1_000_000), int(1 + rng.nextIntBelow(5000)), int(0), int(-5), text('')]),
        connectUs,
        leaveUs: rng.nextIntBelow(40) === 0 ? connectUs + s(pick(rng, [95, 150.5])) : null,
        submissions: irregular
          ? { kind: 'poisson', ratePerSecond: 0.05 }
          : { kind: 'every', intervalUs, phaseUs: pick(rng, [0, rng.nextIntBelow(intervalUs), s(5)]) },
        bpm: { kind: 'cycle', entries: [int(60 + i)] },
      }),
    );
  }
  return scenario(validators, {
    seed,
    rules: pick(rng, ['seed', 'seed', 'fixed'] as const),
    durationUs: s(pick(rng, [200, 400])),
    rewards: {
      rule: pick<RewardRule>(rng, [{ kind: 'none' }, { kind: 'none' }, { kind: 'constant', amount: 7 }]),
      capStake: null,
      withdrawOnLeave: rng.nextIntBelow(2) === 0,
    },
    timings: { intakeUs: s(5), lotteryUs: s(10), syncUs: s(30), pollUs: s(3), jitterUs: 0 },
  });
}
