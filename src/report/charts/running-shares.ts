import { requiredText, type CsvRecord } from './results-source.js';
import type { ShareSeries } from './running-share-series.js';
import { logSpacedRounds } from './sample-rounds.js';

/** One series at one sampled round: its share of the wins so far and the expected band. */
export interface RunningSharePoint {
  readonly series: string;
  readonly group: string;
  readonly round: number;
  readonly share: number;
  readonly expected: number;
  readonly bandLow: number;
  readonly bandHigh: number;
}

/** Sampled rounds per series: the curve is smooth on a log axis long before this. */
export const RUNNING_SHARE_SAMPLES = 240;
/** The band is ±1.96 binomial standard deviations: 95% of fair runs stay inside it. */
const BAND_Z = 1.96;

/**
 * Streams rounds.csv once, counting each series' wins, and keeps the running
 * share at log-spaced rounds: memory is bounded by the number of samples, not
 * by the length of the run.
 */
export async function runningShares(
  rounds: AsyncIterable<CsvRecord>,
  series: readonly ShareSeries[],
  totalRounds: number,
): Promise<RunningSharePoint[]> {
  const sampleAt = new Set(logSpacedRounds(totalRounds, RUNNING_SHARE_SAMPLES));
  const counts = series.map((s) => ({ s, wins: 0 }));
  const points: RunningSharePoint[] = [];
  let n = 0;
  for await (const row of rounds) {
    n++;
    const winner = requiredText(row, 'winner', 'rounds.csv');
    for (const c of counts) if (c.s.members.has(winner)) c.wins++;
    if (sampleAt.has(n)) for (const c of counts) points.push(point(c.s, n, c.wins));
  }
  return points;
}

function point(s: ShareSeries, n: number, wins: number): RunningSharePoint {
  const half = BAND_Z * Math.sqrt(s.meanVariance / n);
  return {
    series: s.label,
    group: s.group,
    round: n,
    share: forPicture(wins / n),
    expected: forPicture(s.expectedShare),
    bandLow: forPicture(Math.max(0, s.expectedShare - half)),
    bandHigh: forPicture(Math.min(1, s.expectedShare + half)),
  };
}

/** Six significant digits: far below a pixel, and a spec a third the size. Only the picture is rounded. */
function forPicture(x: number): number {
  return Number(x.toPrecision(6));
}
