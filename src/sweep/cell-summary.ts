/**
 * What a cell's replications say together: for each metric the mean over
 * replications and its 95% interval (Student t for a mean, Wilson for a proportion).
 * Pure: outcomes in, numbers out.
 */
import type { ReplicationOutcome, SeriesOutcome } from '../replications/run-replication.js';
import { meanConfidenceInterval, wilsonInterval } from '../stats/index.js';
import { elementAt } from '../lists/element-at.js';

/** A mean (or proportion) over replications with its 95% interval; NaN where it has none (one replication). */
export interface Estimate {
  readonly mean: number;
  readonly low: number;
  readonly high: number;
}

/** The level the fairness tests are counted at. */
export const REJECTION_LEVEL = 0.05;
/** Bands around a tracked series' initial share: the chance its final share stays inside each. */
export const SHARE_BANDS = [0.1, 0.2] as const;

export interface SeriesSummary {
  readonly name: string;
  readonly initialStakeShare: number;
  readonly finalStakeShare: Estimate;
  readonly winShare: Estimate;
  /** P(|final share / initial share - 1| <= band), one per SHARE_BANDS. */
  readonly withinBand: readonly Estimate[];
}

export interface CellSummary {
  readonly replications: number;
  readonly stakeGini: Estimate;
  readonly stakeHerfindahlHirschman: Estimate;
  readonly stakeNakamoto50: Estimate;
  /** Share of replications whose per-round chi-square rejected p = stake / pool stake at 5% (of those with a test). */
  readonly fairnessRejection: Estimate;
  /** The same for the winner-PIT test, calibrated under any reward rule. */
  readonly pitRejection: Estimate;
  readonly series: readonly SeriesSummary[];
}

export function summarizeCell(outcomes: readonly ReplicationOutcome[]): CellSummary {
  if (outcomes.length === 0) throw new Error('summarizeCell: a cell needs at least one replication');
  const names = (outcomes[0] as ReplicationOutcome).series.map((s) => s.name);
  return {
    replications: outcomes.length,
    stakeGini: meanEstimate(outcomes.map((o) => o.stakeGini)),
    stakeHerfindahlHirschman: meanEstimate(outcomes.map((o) => o.stakeHerfindahlHirschman)),
    stakeNakamoto50: meanEstimate(outcomes.map((o) => o.stakeNakamoto50)),
    fairnessRejection: rejectionEstimate(outcomes.map((o) => o.chiSquareP)),
    pitRejection: rejectionEstimate(outcomes.map((o) => o.pitP)),
    series: names.map((name, j) => seriesSummary(name, outcomes.map((o) => o.series[j] as SeriesOutcome))),
  };
}

function seriesSummary(name: string, series: readonly SeriesOutcome[]): SeriesSummary {
  const initial = (series[0] as SeriesOutcome).initialStakeShare;
  return {
    name,
    initialStakeShare: initial,
    finalStakeShare: meanEstimate(series.map((s) => s.finalStakeShare)),
    winShare: meanEstimate(series.map((s) => s.winShare)),
    withinBand: SHARE_BANDS.map((band) =>
      initial > 0 ? proportionEstimate(series.filter((s) => Math.abs(s.finalStakeShare / initial - 1) <= band).length, series.length) : NO_ESTIMATE,
    ),
  };
}

const NO_ESTIMATE: Estimate = { mean: NaN, low: NaN, high: NaN };

/** The mean and its 95% t interval; a single value has no interval. */
export function meanEstimate(values: readonly number[]): Estimate {
  const finite = values.filter(Number.isFinite);
  if (finite.length === 0) return NO_ESTIMATE;
  if (finite.length === 1) return { mean: elementAt(finite, 0, 'value'), low: NaN, high: NaN };
  const interval = meanConfidenceInterval(finite);
  return { mean: interval.mean, low: interval.lower, high: interval.upper };
}

/** successes / trials and its 95% Wilson interval. */
export function proportionEstimate(successes: number, trials: number): Estimate {
  if (trials === 0) return NO_ESTIMATE;
  const { lower, upper } = wilsonInterval(successes, trials);
  return { mean: successes / trials, low: lower, high: upper };
}

function rejectionEstimate(pValues: readonly (number | null)[]): Estimate {
  const tested = pValues.filter((p): p is number => p !== null && Number.isFinite(p));
  return proportionEstimate(tested.filter((p) => p <= REJECTION_LEVEL).length, tested.length);
}
