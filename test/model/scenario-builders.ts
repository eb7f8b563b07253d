import type { ValidatorTotals } from '../../src/model/records.js';
import type { ResolvedScenario, ResolvedValidator, TypedInput } from '../../src/scenario/types.js';

/** Seconds to µs for hand-written test scenarios. */
export const s = (seconds: number): number => Math.round(seconds * 1e6);

export const int = (value: number): TypedInput => ({ kind: 'int', value });
export const text = (t: string): TypedInput => ({ kind: 'text', text: t });

/** A validator typing `bpm` at explicit times (seconds). */
export function validator(id: string, opts: Partial<ResolvedValidator> & { at?: number[] } = {}): ResolvedValidator {
  const { at, ...rest } = opts;
  return {
    id,
    group: id,
    balance: int(100),
    connectUs: 0,
    leaveUs: null,
    submissions: at ? { kind: 'at', timesUs: at.map(s) } : { kind: 'none' },
    bpm: { kind: 'cycle', entries: [int(9)] },
    ...rest,
  };
}

export function scenario(validators: ResolvedValidator[], opts: Partial<ResolvedScenario> = {}): ResolvedScenario {
  return {
    name: 'test',
    description: '',
    source: 'test.yaml',
    seed: 1,
    start: '2018-08-07 20:44:00',
    rounds: null,
    durationUs: s(60),
    rules: 'seed',
    lottery: 'periodic',
    timings: { intakeUs: s(5), lotteryUs: s(10), syncUs: s(30), pollUs: s(3), jitterUs: 0 },
    rewards: { rule: { kind: 'none' }, capStake: null, withdrawOnLeave: false },
    sampleEvery: null,
    track: [],
    validators,
    ...opts,
  };
}

/** Per-validator totals of `n` validators, all zero (for tests of the code that reads them). */
export function zeroTotals(n: number): ValidatorTotals {
  const zeros = () => new Float64Array(n);
  return {
    addressOf: () => '',
    addressInputs: null,
    balanceText: [],
    stake: zeros(),
    initialStake: zeros(),
    blocksSubmitted: zeros(),
    roundsInPool: zeros(),
    wins: zeros(),
    expectedWins: zeros(),
    winVariance: zeros(),
    announcementsReceived: zeros(),
  };
}
