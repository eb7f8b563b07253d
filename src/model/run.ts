import { Simulation } from '../engine/simulation.js';
import { deriveStream, type RandomStream } from '../rng/stream.js';
import { MAX_SECONDS } from '../scenario/schema.js';
import type { ResolvedScenario } from '../scenario/types.js';
import { ClientDriver } from './logic/clients.js';
import { parsePythonDatetime } from './logic/python-text.js';
import type { ExactWinSums } from './counting/exact-win-sums.js';
import type { drawPoolMember } from './logic/lottery-draw.js';
import type { ServerCounters, StopReason, ValidatorTotals } from './records.js';
import { PosServer, type ServerObserver } from './logic/server.js';

/**
 * A run not bounded by a duration stops here with reason `time-limit`: the scenario
 * format's largest time, 10^8 s (some 3 years), so every run ends whatever its input.
 */
export const TIME_LIMIT_US = MAX_SECONDS * 1e6;

/** Everything a finished run knows. */
export interface ModelResult {
  readonly counters: ServerCounters;
  readonly validators: ValidatorTotals;
  /** What the exact per-validator tests need (see {@link ExactWinSums}). */
  readonly exactWins: ExactWinSums;
  /** Histogram of each round's winner PIT (see WinnerPit). */
  readonly pitHistogram: Uint32Array;
  readonly stopReason: StopReason;
  /** Virtual time at the end, µs. */
  readonly endUs: number;
  readonly eventsProcessed: number;
}

/**
 * A run of a scenario, advanced in slices so that a caller can show progress between
 * them (the model itself never looks at a wall clock).
 */
export class ModelRun {
  private readonly sim = new Simulation();
  private readonly server: PosServer;
  private finished: ModelResult | null = null;

  /**
   * @param testDoubles for tests only, never set by the CLI: `lotteryStream` replaces the
   *   lottery's random stream (a biased one proves the fairness tests can fail);
   *   `periodicInBulk: false` sends periodic clients through the heap one line at a
   *   time, the reference the fast path is compared with; `periodicRuns: false` keeps
   *   them in bulk but one line at a time; `drawMember` replaces the draw of a pool member
   *   (a lottery biased by stake), and turns the cohort pool off
   */
  constructor(
    private readonly scenario: ResolvedScenario,
    observer: ServerObserver,
    testDoubles: { lotteryStream?: RandomStream; periodicInBulk?: boolean; periodicRuns?: boolean; drawMember?: typeof drawPoolMember } = {},
  ) {
    if (scenario.durationUs !== null && scenario.durationUs % 1000 !== 0) {
      throw new RangeError(`ModelRun: duration must be a whole number of ms, got ${scenario.durationUs} µs`);
    }
    const seed = scenario.seed;
    this.server = new PosServer(
      this.sim,
      {
        rules: scenario.rules,
        lottery: scenario.lottery,
        timings: scenario.timings,
        rewards: scenario.rewards,
        startEpochUs: parsePythonDatetime(scenario.start),
        maxRounds: scenario.rounds,
        durationUs: scenario.durationUs,
        validatorCount: scenario.validators.length,
        lotteryStream: testDoubles.lotteryStream ?? deriveStream(seed, 'lottery'),
        intakeJitterStream: deriveStream(seed, 'jitter', 'intake'),
        lotteryJitterStream: deriveStream(seed, 'jitter', 'lottery'),
        pitStream: deriveStream(seed, 'pit'),
        ...(testDoubles.drawMember ? { drawMember: testDoubles.drawMember } : {}),
      },
      observer,
    );
    new ClientDriver(this.sim, this.server, scenario.validators, seed, {
      periodicInBulk: testDoubles.periodicInBulk,
      periodicRuns: testDoubles.periodicRuns,
    });
  }

  /** Share of the run done, in [0, 1], by rounds or by virtual time, whichever is further. */
  get progress(): number {
    const { rounds, durationUs } = this.scenario;
    const byRounds = rounds === null ? 0 : this.server.counters.rounds / rounds;
    const byTime = durationUs === null ? 0 : this.sim.now / durationUs;
    return Math.min(1, Math.max(byRounds, byTime));
  }

  /**
   * Per-validator totals (read-only for callers). Stakes and wins are live while the
   * run goes on; the pool statistics (rounds in pool, expected wins, their variance)
   * and some counts are settled when it ends.
   */
  get validators(): ValidatorTotals {
    return this.server.validators;
  }

  /** Validators whose stake or wins changed since the last call (each once; see {@link ChangedValidators}). */
  takeChangedValidators(): Int32Array {
    return this.server.changed.take();
  }

  get roundsDone(): number {
    return this.server.counters.rounds;
  }

  get isDone(): boolean {
    return this.finished !== null;
  }

  /** Runs up to `sliceUs` more virtual time. Returns true once the run has ended. */
  advance(sliceUs: number): boolean {
    if (this.finished) return true;
    const end = this.scenario.durationUs ?? TIME_LIMIT_US;
    const until = Math.min(end, this.sim.now + sliceUs);
    this.sim.runUntil(until);
    if (this.sim.isStopped || this.sim.now >= end || this.sim.nextEventTime === Infinity) {
      const reason: StopReason = this.server.stopReason ?? (this.scenario.durationUs === null && this.sim.now >= end ? 'time-limit' : 'duration');
      this.server.finish(this.sim.now);
      this.finished = {
        counters: this.server.counters,
        validators: this.server.validators,
        exactWins: this.server.exactWins,
        pitHistogram: this.server.pit.histogram,
        stopReason: reason,
        endUs: this.sim.now,
        eventsProcessed: this.sim.eventsProcessed,
      };
      return true;
    }
    return false;
  }

  /** Runs to the end in one go. */
  runToEnd(): ModelResult {
    while (!this.advance(3600e6));
    return this.result();
  }

  result(): ModelResult {
    if (!this.finished) throw new Error('ModelRun.result: the run has not ended');
    return this.finished;
  }
}
