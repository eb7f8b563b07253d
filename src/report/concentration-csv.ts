import type { ValidatorTotals } from '../model/records.js';
import { concentrationSummaryOfTally, type ConcentrationSummary, type Tally } from '../stats/index.js';
import { ratioText, secondsText } from './format.js';
import type { TrackedSeries } from './tracked-series.js';

const METRICS = ['gini', 'hhi', 'nakamoto50', 'nakamoto33', 'top1', 'top10', 'entropy_bits', 'theil'] as const;

export const TIMESERIES_CSV_HEADER = `round,time_s,stake_total,${METRICS.map((m) => `stake_${m}`).join(',')},${METRICS.map((m) => `blocks_${m}`).join(',')}\n`;
export const SHARES_CSV_HEADER = 'round,time_s,series,stake_share,block_share\n';

/** Stake and block-production concentration at one moment, over every validator of the scenario. */
export interface ConcentrationSample {
  round: number;
  timeUs: number;
  stakeTotal: number;
  stake: ConcentrationSummary;
  blocks: ConcentrationSummary;
}

/**
 * Samples stake and block-production concentration over a run. Each sample looks at
 * every validator once, to find what changed since the last one, and computes the
 * metrics over distinct amounts (see concentrationSummaryOfTally): blocks won are small
 * integers shared by thousands of validators, and stakes rarely change without rewards,
 * so a sample costs far less than sorting every validator's amount each time.
 */
export class ConcentrationSampler {
  private stake: RunningTally | null = null;
  private wins: RunningTally | null = null;

  sample(v: ValidatorTotals, round: number, timeUs: number): ConcentrationSample {
    const stake = (this.stake ??= new RunningTally(v.stake.length)).update(v.stake);
    const wins = (this.wins ??= new RunningTally(v.wins.length)).update(v.wins);
    const stakeTotal = stake.amounts.reduce((sum, amount, i) => sum + amount * (stake.holders[i] as number), 0);
    return { round, timeUs, stakeTotal, stake: concentrationSummaryOfTally(stake), blocks: concentrationSummaryOfTally(wins) };
  }
}

/** The tally of one per-validator array, brought up to date by the entries that changed. */
class RunningTally {
  private readonly seen: Float64Array;
  private readonly holdersOf = new Map<number, number>();

  constructor(holders: number) {
    this.seen = new Float64Array(holders);
    if (holders > 0) this.holdersOf.set(0, holders);
  }

  update(current: Float64Array): Tally {
    const seen = this.seen;
    for (let i = 0; i < seen.length; i++) {
      const now = current[i] as number;
      const before = seen[i] as number;
      if (now === before) continue;
      const left = (this.holdersOf.get(before) as number) - 1;
      if (left === 0) this.holdersOf.delete(before);
      else this.holdersOf.set(before, left);
      this.holdersOf.set(now, (this.holdersOf.get(now) ?? 0) + 1);
      seen[i] = now;
    }
    const amounts = [...this.holdersOf.keys()].sort((a, b) => b - a);
    return { amounts, holders: amounts.map((a) => this.holdersOf.get(a) as number) };
  }
}

const metricValues = (c: ConcentrationSummary): number[] => [
  c.gini,
  c.herfindahlHirschman,
  c.nakamoto50,
  c.nakamoto33,
  c.top1Share,
  c.top10Share,
  c.shannonEntropyBits,
  c.theilIndex,
];

/** One timeseries.csv line. */
export function timeseriesCsvLine(s: ConcentrationSample): string {
  const values = [...metricValues(s.stake), ...metricValues(s.blocks)].map(ratioText).join(',');
  return `${s.round},${secondsText(s.timeUs)},${s.stakeTotal},${values}\n`;
}

/** shares.csv lines: each tracked series' share of stake and of blocks so far. */
export function sharesCsvLines(series: readonly TrackedSeries[], v: ValidatorTotals, stakeTotal: number, round: number, timeUs: number): string {
  const time = secondsText(timeUs);
  let text = '';
  for (const s of series) {
    let stake = 0;
    let wins = 0;
    for (const i of s.members) {
      stake += v.stake[i] as number;
      wins += v.wins[i] as number;
    }
    text += `${round},${time},${s.name},${ratioText(stakeTotal > 0 ? stake / stakeTotal : 0)},${ratioText(round > 0 ? wins / round : 0)}\n`;
  }
  return text;
}
