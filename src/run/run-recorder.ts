import type { ValidatorTotals } from '../model/records.js';
import type { ServerObserver } from '../model/logic/server.js';
import {
  SHARES_CSV_HEADER,
  TIMESERIES_CSV_HEADER,
  ConcentrationSampler,
  TrackedShares,
  timeseriesCsvLine,
  type ConcentrationSample,
} from '../report/concentration-csv.js';
import { QUIRKS_CSV_HEADER, writeQuirksCsvLine } from '../report/quirks-csv.js';
import { ROUNDS_CSV_HEADER, writeRoundCsvLine } from '../report/rounds-csv.js';
import type { TrackedSeries } from '../scenario/tracked-series.js';
import type { ResolvedScenario } from '../scenario/types.js';
import { elementAt } from '../lists/element-at.js';
import type { OpenSink, TextSink } from './text-sink.js';

/** Samples per run when the scenario does not set `sampleEvery` and the run has a round count. */
const DEFAULT_SAMPLES = 500;
/** Sampling cadence of runs bounded only by duration. */
const DEFAULT_SAMPLE_EVERY = 10;

export function sampleCadence(scenario: ResolvedScenario): number {
  if (scenario.sampleEvery !== null) return scenario.sampleEvery;
  return scenario.rounds !== null ? Math.max(1, Math.round(scenario.rounds / DEFAULT_SAMPLES)) : DEFAULT_SAMPLE_EVERY;
}

/**
 * Streams a run's per-round and per-period files as the model reports them:
 * rounds.csv, timeseries.csv and shares.csv (every `sampleEvery` rounds), quirks.csv,
 * and chain.json on request, each into the sink `openSink` gives for its name (a file, or
 * memory for the library API). Nothing is kept but a write buffer per file.
 */
export class RunRecorder {
  private readonly files: TextSink[] = [];
  private readonly rounds: TextSink;
  private readonly timeseries: TextSink;
  private readonly shares: TextSink;
  private readonly quirks: TextSink;
  private readonly chain: TextSink | null;
  private readonly every: number;
  /** Round winners' ids, made at a validator's first win (all of them would be a string per validator, and a slot each 8 MB at a million). */
  private readonly winnerIds = new Map<number, string>();
  private readonly scenarioValidators: ResolvedScenario['validators'];
  private validators: ValidatorTotals | null = null;
  private takeChanged: (() => Int32Array) | null = null;
  private sampler: ConcentrationSampler | null = null;
  private trackedShares: TrackedShares | null = null;
  private lastSampleRound = -1;
  private lastRound = 0;
  private lastRoundUs = 0;
  private blocksWritten = 0;

  constructor(
    scenario: ResolvedScenario,
    private readonly tracked: readonly TrackedSeries[],
    openSink: OpenSink,
    withChain: boolean,
  ) {
    const open = (name: string, header: string) => {
      const f = openSink(name);
      f.write(header);
      this.files.push(f);
      return f;
    };
    this.rounds = open('rounds.csv', ROUNDS_CSV_HEADER);
    this.timeseries = open('timeseries.csv', TIMESERIES_CSV_HEADER);
    this.shares = open('shares.csv', SHARES_CSV_HEADER);
    this.quirks = open('quirks.csv', QUIRKS_CSV_HEADER);
    this.chain = withChain ? open('chain.json', '') : null;
    this.every = sampleCadence(scenario);
    this.scenarioValidators = scenario.validators;
  }

  /**
   * The model's live per-validator totals, read when sampling, and (if given) which
   * validators changed since the last call: samples then look at those only.
   */
  attach(validators: ValidatorTotals, takeChanged?: () => Int32Array): void {
    this.validators = validators;
    this.takeChanged = takeChanged ?? null;
    this.trackedShares = new TrackedShares(this.tracked, validators.stake.length);
    this.sampler = new ConcentrationSampler(validators.stake.length, this.trackedShares);
  }

  /** What the model reports to; `block` only with --chain, so that otherwise no block text is made. */
  observer(): ServerObserver {
    const chain = this.chain;
    const { rounds, quirks } = this;
    return {
      round: (r) => {
        writeRoundCsvLine(r, this.winnerId(r.winner), rounds.pending);
        rounds.flushIfFull();
        this.lastRound = r.round;
        this.lastRoundUs = r.timeUs;
        if (r.round % this.every === 0) this.sample(r.round, r.timeUs);
      },
      period: (p) => {
        writeQuirksCsvLine(p, quirks.pending);
        quirks.flushIfFull();
      },
      // Streams json.dumps(chain): "[" + blocks joined by ", " + "]".
      ...(chain && { block: (json: string) => chain.write(this.blocksWritten++ === 0 ? `[${json}` : `, ${json}`) }),
    };
  }

  /** Takes the final sample (if the last round was not one) and closes every file. Returns the final concentration. */
  close(): ConcentrationSample {
    // A row for the last round if it was not sampled; either way the final figures come
    // from the final state, which stakes may have changed since (late connects, withdrawals).
    const final =
      this.lastSampleRound === this.lastRound
        ? this.requireSampler().sample(this.requireValidators(), this.lastRound, this.lastRoundUs, this.takeChanged?.())
        : this.sample(this.lastRound, this.lastRoundUs);
    this.chain?.write(']');
    for (const f of this.files) f.close();
    return final;
  }

  private winnerId(validator: number): string {
    let id = this.winnerIds.get(validator);
    if (id === undefined) this.winnerIds.set(validator, (id = elementAt(this.scenarioValidators, validator, 'validator').id));
    return id;
  }

  private sample(round: number, timeUs: number): ConcentrationSample {
    const v = this.requireValidators();
    const changed = this.takeChanged?.();
    const s = this.requireSampler().sample(v, round, timeUs, changed);
    this.timeseries.write(timeseriesCsvLine(s));
    this.shares.write((this.trackedShares as TrackedShares).lines(v, s.stakeTotal, round, timeUs));
    this.lastSampleRound = round;
    return s;
  }

  private requireValidators(): ValidatorTotals {
    if (!this.validators) throw new Error('RunRecorder: attach() the model before it runs');
    return this.validators;
  }

  private requireSampler(): ConcentrationSampler {
    if (!this.sampler) throw new Error('RunRecorder: attach() the model before it runs');
    return this.sampler;
  }
}
