import type { ValidatorTotals } from '../model/records.js';
import { concentrationSummary, type ConcentrationSummary } from '../stats/index.js';
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

export function sampleConcentration(v: ValidatorTotals, round: number, timeUs: number): ConcentrationSample {
  const stake = Array.from(v.stake);
  return {
    round,
    timeUs,
    stakeTotal: stake.reduce((a, b) => a + b, 0),
    stake: concentrationSummary(stake),
    blocks: concentrationSummary(Array.from(v.wins)),
  };
}

/**
 * {@link sampleConcentration} over a run: the stake summary is computed again only when
 * some stake changed since the last sample. Without rewards or churn stakes never
 * change, and sorting every validator's stake at each sample was a large share of a
 * big run's time.
 */
export class ConcentrationSampler {
  private stakeSeen: Float64Array | null = null;
  private stakeSummary: ConcentrationSummary | null = null;
  private stakeTotal = 0;

  sample(v: ValidatorTotals, round: number, timeUs: number): ConcentrationSample {
    if (this.stakeSummary === null || !sameValues(this.stakeSeen as Float64Array, v.stake)) {
      const stake = Array.from(v.stake);
      this.stakeSummary = concentrationSummary(stake);
      this.stakeTotal = stake.reduce((a, b) => a + b, 0);
      this.stakeSeen = Float64Array.from(v.stake);
    }
    return { round, timeUs, stakeTotal: this.stakeTotal, stake: this.stakeSummary, blocks: concentrationSummary(Array.from(v.wins)) };
  }
}

function sameValues(a: Float64Array, b: Float64Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
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
