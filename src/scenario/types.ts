/**
 * A scenario after parse -> validate -> resolve: every default filled in, every
 * time in integer microseconds of virtual time since the server started (t = 0 is
 * the genesis block), every generated value drawn. The model consumes only this.
 */

import type { CostedTiming } from './costed-timing.js';

/** Which reading of the seed's `pick_winner` loop to replay (quirk 1). */
export type LotteryMode = 'periodic' | 'literal';

/** `seed`: reproduce the seed server's quirks; `fixed`: the repaired server. */
export type ServerRules = 'seed' | 'fixed';

export interface ResolvedTimings {
  /** Intake thread period (candidate queue -> temp blocks), µs; multiple of 1000. */
  readonly intakeUs: number;
  /** Lottery period (`periodic` mode; the initial sleep in `literal` mode), µs; multiple of 1000. */
  readonly lotteryUs: number;
  /** Chain-sync sender period, µs; multiple of 1000. */
  readonly syncUs: number;
  /** Announcement poller sleep, µs; multiple of 1000. */
  readonly pollUs: number;
  /**
   * Largest extra delay added to each sleep of the intake and lottery threads, µs;
   * multiple of 1000. Each sleep draws a whole number of milliseconds uniformly in
   * [0, jitterUs / 1000]. 0 = no jitter.
   */
  readonly jitterUs: number;
}

/** What a client types where the server reads a number: an integer, or raw text. */
export type TypedInput =
  | { readonly kind: 'int'; readonly value: number }
  | { readonly kind: 'text'; readonly text: string };

/** When a client types its BPM lines. */
export type SubmissionPlan =
  /** Every `intervalUs`, first at connect + `phaseUs` (phase already drawn). */
  | { readonly kind: 'every'; readonly intervalUs: number; readonly phaseUs: number }
  /** Poisson process with `ratePerSecond`, from connect time; gaps drawn by the model from the client's stream. */
  | { readonly kind: 'poisson'; readonly ratePerSecond: number }
  /** Explicit absolute times, ascending, µs. */
  | { readonly kind: 'at'; readonly timesUs: readonly number[] }
  /** Never submits. */
  | { readonly kind: 'none' };

/** The BPM lines a client types, in order. */
export type BpmPlan =
  /** Cycled: submission k types entries[k % length]. Text entries are parsed with Python's int(). */
  | { readonly kind: 'cycle'; readonly entries: readonly TypedInput[] }
  /** Uniform integer in [min, max], drawn by the model from the client's stream. */
  | { readonly kind: 'uniform'; readonly min: number; readonly max: number };

export interface ResolvedValidator {
  /** Unique id: the entry name, or `name-k` (k from 0) for an entry with a count. */
  readonly id: string;
  /** Entry (group) name. */
  readonly group: string;
  /** What the client types at the balance prompt. */
  readonly balance: TypedInput;
  /** Connect time, µs. */
  readonly connectUs: number;
  /** Time the connection closes (the server then reads an empty line), µs; null = never. */
  readonly leaveUs: number | null;
  readonly submissions: SubmissionPlan;
  readonly bpm: BpmPlan;
}

/** What the winner of a round earns, added to its balance (the seed pays nothing). */
export type RewardRule =
  | { readonly kind: 'none' }
  /** A fixed number of tokens per block. */
  | { readonly kind: 'constant'; readonly amount: number }
  /** floor(rate x total stake) tokens per block. */
  | { readonly kind: 'inflation'; readonly rate: number }
  /** Block k (1-based) pays floor(initial x ratio^(k-1)) tokens. */
  | { readonly kind: 'geometric'; readonly initial: number; readonly ratio: number };

export interface ResolvedRewards {
  readonly rule: RewardRule;
  /** No validator's stake grows beyond this (null: no cap). */
  readonly capStake: number | null;
  /** A validator who leaves takes its stake out of the total (and the concentration figures). */
  readonly withdrawOnLeave: boolean;
}

export interface ResolvedScenario {
  /** `timing: costed`: server work takes virtual time on a modelled GIL (reference engine only); absent: the ideal clock. */
  readonly costed?: CostedTiming;
  readonly name: string;
  readonly description: string;
  /** Path of the file it came from (for messages and the manifest). */
  readonly source: string;
  /** Run seed: all random streams are derived from it. */
  readonly seed: number;
  /** Server start as Python prints it, e.g. `2018-08-07 20:44:00`. */
  readonly start: string;
  /** Stop after this many lottery draws; null = no limit. */
  readonly rounds: number | null;
  /** Stop at this virtual time, µs; null = no limit. At least one of rounds/durationUs is set. */
  readonly durationUs: number | null;
  readonly rules: ServerRules;
  readonly lottery: LotteryMode;
  readonly timings: ResolvedTimings;
  readonly rewards: ResolvedRewards;
  /** Concentration figures are sampled every this many rounds (null: chosen from the run length). */
  readonly sampleEvery: number | null;
  /** Validator ids or group names whose shares are followed over time and across replications ([] = automatic). */
  readonly track: readonly string[];
  /** In file order; entries with a count expand in place. */
  readonly validators: readonly ResolvedValidator[];
}
