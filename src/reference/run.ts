/**
 * `pos-sim run --engine reference`: the slow, obviously correct engine. It runs the
 * reference server (server.ts) on its own event queue and reports what the fast model
 * (src/model/run.ts) reports, so the same recorder and report writers make the same
 * results folder from it.
 */
import type { ServerObserver } from '../model/logic/server.js';
import type { ModelResult } from '../model/run.js';
import type { ValidatorTotals } from '../model/records.js';
import { deriveStream } from '../rng/stream.js';
import { MAX_SECONDS } from '../scenario/schema.js';
import type { ResolvedScenario } from '../scenario/types.js';
import { ReferenceClients } from './clients.js';
import { EventQueue } from './event-queue.js';
import { parsePythonDatetimeText } from './python.js';
import { CostedServer, type CostedCounters } from './costed-server.js';
import { ReferenceServer, type ReferenceClock } from './server.js';

export class ReferenceRun {
  private readonly queue = new EventQueue();
  private readonly server: ReferenceServer;
  private nowUs = 0;
  private stopped = false;
  private eventsProcessed = 0;
  private finished: ModelResult | null = null;

  constructor(
    private readonly scenario: ResolvedScenario,
    observer: ServerObserver,
  ) {
    if (scenario.durationUs !== null && scenario.durationUs % 1000 !== 0) {
      throw new RangeError(`ReferenceRun: duration must be a whole number of ms, got ${scenario.durationUs} µs`);
    }
    const run = this;
    const clock: ReferenceClock = {
      get nowUs() {
        return run.nowUs;
      },
      schedule: (timeUs, priority, key, event) => {
        if (timeUs < this.nowUs) throw new RangeError(`ReferenceRun: event at ${timeUs} µs is in the past (${this.nowUs})`);
        this.queue.push(timeUs, priority, key, event);
      },
      stop: () => {
        this.stopped = true;
      },
    };
    const seed = scenario.seed;
    const streams = {
      lottery: deriveStream(seed, 'lottery'),
      intakeJitter: deriveStream(seed, 'jitter', 'intake'),
      lotteryJitter: deriveStream(seed, 'jitter', 'lottery'),
      pit: deriveStream(seed, 'pit'),
    };
    const startEpochUs = parsePythonDatetimeText(scenario.start);
    this.server =
      scenario.costed === undefined
        ? new ReferenceServer(scenario, clock, streams, observer, startEpochUs)
        : new CostedServer(scenario, clock, streams, observer, startEpochUs, deriveStream(seed, 'costed', 'spin'), deriveStream(seed, 'costed', 'latency'), deriveStream(seed, 'costed', 'client-latency'));
    new ReferenceClients(scenario.validators, this.server, clock, seed);
  }

  get validators(): ValidatorTotals {
    return this.server.validators;
  }

  /** What only the costed clock shows (null on the ideal clock). */
  get costedCounters(): CostedCounters | null {
    return this.server instanceof CostedServer ? this.server.costedCounters : null;
  }

  get roundsDone(): number {
    return this.server.counters.rounds;
  }

  get progress(): number {
    const { rounds, durationUs } = this.scenario;
    const byRounds = rounds === null ? 0 : this.server.counters.rounds / rounds;
    const byTime = durationUs === null ? 0 : this.nowUs / durationUs;
    return Math.min(1, Math.max(byRounds, byTime));
  }

  /** Runs the events before `nowUs + sliceUs` (and before the duration's end). Returns true once the run has ended. */
  advance(sliceUs: number): boolean {
    if (this.finished) return true;
    // pos-sim's own bound: a run without a duration ends at the format's largest time.
    const endUs = this.scenario.durationUs ?? MAX_SECONDS * 1e6;
    const untilUs = Math.min(endUs, this.nowUs + sliceUs);
    while (!this.stopped && this.queue.nextTimeUs < untilUs) {
      const event = this.queue.pop();
      this.nowUs = event.timeUs;
      this.eventsProcessed++;
      event.run();
    }
    if (!this.stopped && untilUs !== Infinity) this.nowUs = Math.max(this.nowUs, untilUs);
    if (!this.stopped && this.nowUs < endUs && this.queue.size > 0) return false;
    this.server.finish(this.nowUs);
    this.finished = {
      counters: this.server.counters,
      validators: this.server.validators,
      exactWins: this.server.exactWins,
      pitHistogram: this.server.pit.histogram,
      stopReason: this.server.stopReason ?? (this.scenario.durationUs === null && this.nowUs >= endUs ? 'time-limit' : 'duration'),
      endUs: this.nowUs,
      eventsProcessed: this.eventsProcessed,
    };
    return true;
  }

  runToEnd(): ModelResult {
    while (!this.advance(3600e6));
    return this.result();
  }

  result(): ModelResult {
    if (!this.finished) throw new Error('ReferenceRun.result: the run has not ended');
    return this.finished;
  }
}
