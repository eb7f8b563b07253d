import type { RunSummary } from '../report/summary.js';
import {
  csvRecords,
  type QuirksRecord,
  type ReplicationRecord,
  type RoundRecord,
  type ShareRecord,
  type TimeseriesRecord,
  type ValidatorRecord,
} from './records.js';

/**
 * What a run gives, from {@link runScenario} in memory or {@link readResults} from a
 * results folder: the same files, read the same way, so the two are equal for the
 * same scenario, seed and options.
 */
export interface RunResults {
  /** summary.json: verdicts, tests, final concentration, quirk counters, groups, top validators. */
  summary: RunSummary;
  /** validators.csv, in scenario order. */
  validators: ValidatorRecord[];
  /** timeseries.csv. */
  timeseries: TimeseriesRecord[];
  /** shares.csv (long format: one record per sample and tracked series). */
  shares: ShareRecord[];
  /** quirks.csv. */
  quirks: QuirksRecord[];
  /** replications.csv; empty for a single run. */
  replications: ReplicationRecord[];
  /** rounds.csv, only when asked for (`rounds: true`): some 60 bytes a round. */
  rounds: RoundRecord[] | null;
}

/** A results file's text by name, or null when the run did not write it. */
export type ResultsText = (name: string) => string | null;

/** Reads the files of a run into {@link RunResults}. */
export function resultsOf(text: ResultsText, options: { rounds: boolean }): RunResults {
  const required = (name: string): string => {
    const t = text(name);
    if (t === null) throw new Error(`the results have no ${name}`);
    return t;
  };
  const rounds = options.rounds ? text('rounds.csv') : null;
  const replications = text('replications.csv');
  return {
    summary: JSON.parse(required('summary.json')) as RunSummary,
    validators: csvRecords<ValidatorRecord>(required('validators.csv')),
    timeseries: csvRecords<TimeseriesRecord>(required('timeseries.csv')),
    shares: csvRecords<ShareRecord>(required('shares.csv')),
    quirks: csvRecords<QuirksRecord>(required('quirks.csv')),
    replications: replications === null ? [] : csvRecords<ReplicationRecord>(replications),
    rounds: rounds === null ? null : csvRecords<RoundRecord>(rounds),
  };
}
