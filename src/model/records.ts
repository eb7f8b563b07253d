/** What the model reports; it never writes anything itself. */
import type { AddressInputs } from './logic/address-book.js';

/** One lottery draw (one row of rounds.csv). The object is reused between rounds: copy what you keep. */
export interface RoundRecord {
  /** 1-based draw number. */
  round: number;
  timeUs: number;
  /** Validators holding tickets in this round. */
  poolValidators: number;
  poolStake: number;
  /** Winning validator (its position in the scenario). */
  winner: number;
  winnerStake: number;
  /** winnerStake / poolStake. */
  winnerP: number;
  /** Index field of the appended block. */
  blockIndex: number;
  /** Position of the appended block in the chain. */
  blockPosition: number;
  /** The appended block does not follow its predecessor (quirk 2). */
  stale: boolean;
}

export type HaltReason = 'empty-pool' | 'bad-balance';

/** Where and why the seed's lottery thread died (quirks 3 and 4). */
export interface LotteryHalt {
  reason: HaltReason;
  timeUs: number;
  /** Draws completed before it died. */
  afterRound: number;
}

/**
 * Why a run ended: its rounds or duration reached, the lottery thread dead, no client
 * left to type; or a bound of pos-sim's own: the time limit (MAX_SECONDS of virtual
 * time without reaching the rounds asked for), or a pool stake that rewards grew to
 * 2^53 or more, beyond exact draws.
 */
export type StopReason = 'rounds' | 'duration' | 'halted' | 'idle' | 'time-limit' | 'stake-limit';

/** Counters for the seed's quirks and the server's cost. */
export interface ServerCounters {
  rounds: number;
  /** Blocks appended that do not follow their predecessor (quirk 2). */
  staleBlocksAppended: number;
  firstStaleRound: number | null;
  /** Quirks 3/4 under the seed rules. */
  halt: LotteryHalt | null;
  /** Fixed rules: rounds with blocks but no tickets, skipped. */
  emptyPoolsSkipped: number;
  /** Fixed rules: balances that were not a non-negative integer, refused at input. */
  balancesRefused: number;
  /** Candidate blocks discarded by a lottery (not the winner's first). */
  candidatesDiscarded: number;
  /** Candidate blocks taken in after the lottery thread died, never looked at again. */
  candidatesAfterHalt: number;
  announcementsMade: number;
  announcementsDelivered: number;
  /** Taken by a poller of a closed connection and lost (quirk 5). */
  announcementsLost: number;
  announcementsPending: number;
  syncMessages: number;
  /** Exact, in a bigint: it passes 2^53 in long runs of big scenarios. */
  syncBytes: bigint;
  /** Threads alive at the busiest moment (quirk 6). */
  peakThreads: number;
  threadsAtEnd: number;
  /** Connections that overwrote another's `validators` entry, their address being taken (quirk 7). */
  addressCollisions: number;
  /** Sessions ended by a line int() refused: a bad BPM, or a closed connection. */
  evictions: number;
}

/** Every counter at its start: one definition for both engines (the report's contract, not the seed's logic). */
export function zeroCounters(): ServerCounters {
  return {
    rounds: 0,
    staleBlocksAppended: 0,
    firstStaleRound: null,
    halt: null,
    emptyPoolsSkipped: 0,
    balancesRefused: 0,
    candidatesDiscarded: 0,
    candidatesAfterHalt: 0,
    announcementsMade: 0,
    announcementsDelivered: 0,
    announcementsLost: 0,
    announcementsPending: 0,
    syncMessages: 0,
    syncBytes: 0n,
    peakThreads: 0,
    threadsAtEnd: 0,
    addressCollisions: 0,
    evictions: 0,
  };
}

/** Totals of `n` validators, all zero, addresses from `addressOf` (and `addressInputs`): one definition for both engines. */
export function zeroTotals(n: number, addressOf: (validator: number) => string, addressInputs: AddressInputs | null = null): ValidatorTotals {
  return {
    addressOf,
    addressInputs,
    balanceText: new Array<string>(n).fill(''),
    stake: new Float64Array(n),
    initialStake: new Float64Array(n),
    blocksSubmitted: new Float64Array(n),
    roundsInPool: new Float64Array(n),
    wins: new Float64Array(n),
    expectedWins: new Float64Array(n),
    winVariance: new Float64Array(n),
    announcementsReceived: new Float64Array(n),
  };
}

/** Per validator, in scenario order. */
export interface ValidatorTotals {
  /** The validator's address ('' if it never got one), made when called (see AddressBook). */
  readonly addressOf: (validator: number) => string;
  /**
   * What {@link addressOf} makes them of, for making them on another thread
   * (cli/output-helper.ts); null where they are held as text (the reference engine).
   */
  readonly addressInputs: AddressInputs | null;
  /** Balance at the end, as the server holds it (raw text for a bad balance). */
  readonly balanceText: string[];
  /** Stake now: the balance, grown by rewards; 0 once withdrawn on leave. */
  readonly stake: Float64Array;
  /** Stake as typed at connect. */
  readonly initialStake: Float64Array;
  readonly blocksSubmitted: Float64Array;
  readonly roundsInPool: Float64Array;
  readonly wins: Float64Array;
  /** Sum over rounds in the pool of p = stake / pool stake. */
  readonly expectedWins: Float64Array;
  /** Sum over rounds in the pool of p(1 - p). */
  readonly winVariance: Float64Array;
  readonly announcementsReceived: Float64Array;
}

/** The server's state at the end of each sync period (one row of quirks.csv). */
export interface PeriodRecord {
  timeUs: number;
  rounds: number;
  staleBlocks: number;
  lotteryAlive: boolean;
  announcementsMade: number;
  announcementsDelivered: number;
  announcementsLost: number;
  /** Writes and bytes within this period only. */
  syncMessages: number;
  syncBytes: number;
  threads: number;
}
