/**
 * One run of a scenario, wherever its files go: the steps `pos-sim run` and the
 * library's runScenario share, so that both make the same results from the same code.
 *
 *   simulateRun:  scenario -> model (or reference server) in slices -> streamed files
 *                 (rounds, timeseries, shares, quirks, chain), final concentration
 *   tabulateRun:  result -> validator table + summary
 *   writeRunTables: (+ replication outcomes) -> replications.csv, validators.csv, summary.json
 *
 * What the caller adds: where the files go (an OpenSink), and what happens between
 * slices (the CLI's progress bar and signal handling).
 */
import { ModelRun, type ModelResult } from '../model/run.js';
import { ReferenceRun } from '../reference/run.js';
import type { ConcentrationSample } from '../report/concentration-csv.js';
import { replicationsCsv } from '../report/replications-csv.js';
import { buildSummary, type RunSummary } from '../report/summary.js';
import type { TrackedSeries } from '../scenario/tracked-series.js';
import { ValidatorTable } from '../report/validator-table.js';
import { validatorsCsvHeader, writeValidatorsCsvRows, type AddressWriter } from '../report/validators-csv.js';
import { aggregateReplications } from '../replications/aggregate.js';
import type { ReplicationOutcome } from '../replications/run-replication.js';
import type { ResolvedScenario } from '../scenario/types.js';
import { RunRecorder } from './run-recorder.js';
import type { OpenSink } from './text-sink.js';

/**
 * The simulation runs in slices of virtual time, sized as it goes so that each takes
 * about this long: between slices a caller can move a progress bar or handle a signal,
 * well within a second. (Slices do not change results: the model's output does not
 * depend on them, which a test checks.)
 */
const SLICE_TARGET_MS = 50;
/** The largest slice, in lottery periods (small scenarios run far faster than the target). */
const MAX_SLICE_LOTTERY_PERIODS = 1 << 14;

/** How far a run is, as given to `between`. */
export interface RunProgress {
  /** 0..1 of the rounds or the duration. */
  readonly progress: number;
  readonly roundsDone: number;
}

export interface SimulateOptions {
  /** Also stream chain.json. */
  readonly chain: boolean;
  /** `reference`: the slow event-by-event reference server (default `fast`). */
  readonly engine?: 'fast' | 'reference';
  /** Awaited after every slice but the last. */
  readonly between?: (run: RunProgress) => Promise<void> | void;
}

/** Runs the scenario to its end, streaming the per-round and per-period files into `open`'s sinks. */
export async function simulateRun(
  scenario: ResolvedScenario,
  tracked: readonly TrackedSeries[],
  open: OpenSink,
  options: SimulateOptions,
): Promise<{ result: ModelResult; finalConcentration: ConcentrationSample }> {
  const recorder = new RunRecorder(scenario, tracked, open, options.chain);
  let run: ModelRun | ReferenceRun;
  if (options.engine === 'reference') {
    run = new ReferenceRun(scenario, recorder.observer());
    recorder.attach(run.validators);
  } else {
    const fast = new ModelRun(scenario, recorder.observer());
    recorder.attach(fast.validators, () => fast.takeChangedValidators());
    run = fast;
  }
  let periods = 1;
  for (;;) {
    const sliceStarted = performance.now();
    if (run.advance(scenario.timings.lotteryUs * periods)) break;
    const took = performance.now() - sliceStarted;
    if (took < SLICE_TARGET_MS / 2) periods = Math.min(periods * 2, MAX_SLICE_LOTTERY_PERIODS);
    else if (took > SLICE_TARGET_MS * 2) periods = Math.max(1, Math.floor(periods / 2));
    await options.between?.({ progress: run.progress, roundsDone: run.roundsDone });
  }
  const finalConcentration = recorder.close();
  return { result: run.result(), finalConcentration };
}

/** The per-validator table and the summary of a finished run. */
export function tabulateRun(
  scenario: ResolvedScenario,
  result: ModelResult,
  finalConcentration: ConcentrationSample,
): { table: ValidatorTable; summary: RunSummary } {
  const table = new ValidatorTable(scenario, result);
  return { table, summary: buildSummary(scenario, result, table, finalConcentration) };
}

/**
 * Writes replications.csv (with more than one replication, whose aggregate then joins
 * the summary), validators.csv (its addresses from `addresses`, made from the run's
 * totals if not given) and summary.json.
 */
export function writeRunTables(
  open: OpenSink,
  scenario: ResolvedScenario,
  tabulated: { table: ValidatorTable; summary: RunSummary },
  outcomes: readonly ReplicationOutcome[],
  addresses?: AddressWriter,
): void {
  const { table, summary } = tabulated;
  if (outcomes.length > 1) {
    writeText(open, 'replications.csv', replicationsCsv(outcomes));
    summary.replications = aggregateReplications(scenario, outcomes);
  }
  const validators = open('validators.csv');
  validators.write(validatorsCsvHeader());
  writeValidatorsCsvRows(table, validators, addresses);
  validators.close();
  writeText(open, 'summary.json', jsonText(summary));
}

/** JSON as every file of a results folder has it: two-space indent, a final newline. */
export function jsonText(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

function writeText(open: OpenSink, name: string, text: string): void {
  const sink = open(name);
  sink.write(text);
  sink.close();
}
