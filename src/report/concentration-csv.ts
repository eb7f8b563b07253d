import type { ValidatorTotals } from '../model/records.js';
import { concentrationSummaryOfTally, type ConcentrationSummary, type Tally } from '../stats/index.js';
import { ratioText, secondsText } from './format.js';
import type { TrackedSeries } from '../scenario/tracked-series.js';

const METRICS = ['gini', 'hhi', 'nakamoto50', 'nakamoto33', 'top1', 'top10', 'entropy_bits', 'theil'] as const;

/** timeseries.csv's columns; the reader's TimeseriesRecord is derived from them. */
export const TIMESERIES_CSV_COLUMNS = [
  'round', 'time_s', 'stake_total', ...METRICS.map((m) => `stake_${m}` as const), ...METRICS.map((m) => `blocks_${m}` as const),
] as const;
export const TIMESERIES_CSV_HEADER = `${TIMESERIES_CSV_COLUMNS.join(',')}\n`;
/** shares.csv's columns; the reader's ShareRecord is derived from them. */
export const SHARES_CSV_COLUMNS = ['round', 'time_s', 'series', 'stake_share', 'block_share'] as const;
export const SHARES_CSV_HEADER = `${SHARES_CSV_COLUMNS.join(',')}\n`;

/** Stake and block-production concentration at one moment, over every validator of the scenario. */
export interface ConcentrationSample {
  round: number;
  timeUs: number;
  stakeTotal: number;
  stake: ConcentrationSummary;
  blocks: ConcentrationSummary;
}

/**
 * Samples stake and block-production concentration over a run. Each sample brings a
 * tally of distinct amounts up to date with what changed since the last one, and
 * computes the metrics over distinct amounts (see concentrationSummaryOfTally): blocks
 * won are small integers shared by thousands of validators, and stakes rarely change
 * without rewards, so a sample costs far less than sorting every validator's amount.
 * The same walk over the changes keeps the tracked series' sums ({@link TrackedShares})
 * up to date: one copy of the amounts last seen, not one per reader (15 MB at a million).
 */
export class ConcentrationSampler {
  private readonly seenStake: Float64Array;
  private readonly seenWins: Float64Array;
  private readonly stake: DistinctAmounts;
  private readonly wins: DistinctAmounts;

  /** @param shares the tracked series' sums, told of every change the samples see */
  constructor(
    validators: number,
    private readonly shares: TrackedShares | null = null,
  ) {
    this.seenStake = new Float64Array(validators);
    this.seenWins = new Float64Array(validators);
    this.stake = new DistinctAmounts(validators);
    this.wins = new DistinctAmounts(validators);
  }

  /**
   * @param changed the validators whose stake or wins changed since the previous sample
   *   (or since the run began, for the first); without it, every validator is looked at
   */
  sample(v: ValidatorTotals, round: number, timeUs: number, changed?: Int32Array): ConcentrationSample {
    this.seeAll(v, changed);
    const stake = this.stake.tally();
    const wins = this.wins.tally();
    const stakeTotal = stake.amounts.reduce((sum, amount, i) => sum + amount * (stake.holders[i] as number), 0);
    return { round, timeUs, stakeTotal, stake: concentrationSummaryOfTally(stake), blocks: concentrationSummaryOfTally(wins) };
  }

  /** The loops of {@link sample}, alone in their method: nothing follows them (docs/performance.md). */
  private seeAll(v: ValidatorTotals, changed: Int32Array | undefined): void {
    if (changed) for (const i of changed) this.see(v, i);
    else for (let i = 0; i < this.seenStake.length; i++) this.see(v, i);
  }

  private see(v: ValidatorTotals, i: number): void {
    const stake = v.stake[i] as number;
    const wins = v.wins[i] as number;
    const stakeBefore = this.seenStake[i] as number;
    const winsBefore = this.seenWins[i] as number;
    if (stake === stakeBefore && wins === winsBefore) return;
    if (stake !== stakeBefore) this.stake.move(stakeBefore, stake);
    if (wins !== winsBefore) this.wins.move(winsBefore, wins);
    this.shares?.add(i, stake - stakeBefore, wins - winsBefore);
    this.seenStake[i] = stake;
    this.seenWins[i] = wins;
  }
}

/** How many validators hold each amount, every one of them at 0 to begin with. */
class DistinctAmounts {
  private readonly holdersOf = new Map<number, number>();

  constructor(holders: number) {
    if (holders > 0) this.holdersOf.set(0, holders);
  }

  /** One holder's amount went from `before` to `now`. */
  move(before: number, now: number): void {
    const left = (this.holdersOf.get(before) as number) - 1;
    if (left === 0) this.holdersOf.delete(before);
    else this.holdersOf.set(before, left);
    this.holdersOf.set(now, (this.holdersOf.get(now) ?? 0) + 1);
  }

  tally(): Tally {
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

/**
 * shares.csv lines: each tracked series' share of stake and of blocks so far. The
 * series' sums are kept up to date from the changes a {@link ConcentrationSampler}
 * sees: a group of 100,000 validators is not summed again at every sample. Stakes and
 * wins are integers, so a running sum is exact, and equal to the sum in member order, as
 * long as it stays below 2^53; a series whose sum ever reaches 2^53 is summed in member
 * order at every sample from then on, as it always was.
 */
export class TrackedShares {
  private readonly stakeSum: Float64Array;
  private readonly winSum: Float64Array;
  /**
   * Where every series is a run of consecutive validators (an entry's group, a single
   * validator) and they are few: series k is validators rangeStart[k] .. rangeEnd[k] - 1,
   * and nothing is kept per validator. Else null.
   */
  private readonly rangeStart: Int32Array | null = null;
  private readonly rangeEnd: Int32Array = new Int32Array(0);
  /** Otherwise, the series each validator is in: seriesOf[first[i] .. first[i + 1]). */
  private readonly first: Int32Array = new Int32Array(0);
  private readonly seriesOf: Int32Array = new Int32Array(0);
  /** 1 for a series whose running sum reached 2^53 (no longer exact): summed in full. */
  private readonly summedInFull: Uint8Array;

  constructor(
    private readonly series: readonly TrackedSeries[],
    validators: number,
  ) {
    this.summedInFull = new Uint8Array(series.length);
    this.stakeSum = new Float64Array(series.length);
    this.winSum = new Float64Array(series.length);
    if (series.length <= MAX_RANGE_SERIES && series.every((s) => isRun(s.members))) {
      this.rangeStart = Int32Array.from(series, (s) => (s.members.length > 0 ? (s.members[0] as number) : 0));
      this.rangeEnd = Int32Array.from(series, (s) => (s.members.length > 0 ? (s.members[0] as number) + s.members.length : 0));
      return;
    }
    const count = new Int32Array(validators + 1);
    for (const s of series) for (const i of s.members) count[i + 1] = (count[i + 1] as number) + 1;
    for (let i = 0; i < validators; i++) count[i + 1] = (count[i + 1] as number) + (count[i] as number);
    this.first = count.slice();
    this.seriesOf = new Int32Array(count[validators] as number);
    series.forEach((s, k) => {
      for (const i of s.members) {
        const at = count[i] as number;
        this.seriesOf[at] = k;
        count[i] = at + 1;
      }
    });
  }

  /** The lines of a sample: call after the sampler's {@link ConcentrationSampler.sample}, which brings the sums up to date. */
  lines(v: ValidatorTotals, stakeTotal: number, round: number, timeUs: number): string {
    const time = secondsText(timeUs);
    let text = '';
    this.series.forEach((s, k) => {
      if (this.summedInFull[k] === 1) this.sumInFull(v, k);
      const stake = this.stakeSum[k] as number;
      const wins = this.winSum[k] as number;
      text += `${round},${time},${s.name},${ratioText(stakeTotal > 0 ? stake / stakeTotal : 0)},${ratioText(round > 0 ? wins / round : 0)}\n`;
    });
    return text;
  }

  /** Validator i's stake and wins changed by these amounts. */
  add(i: number, stake: number, wins: number): void {
    const starts = this.rangeStart;
    if (starts !== null) {
      for (let k = 0; k < starts.length; k++) if (i >= (starts[k] as number) && i < (this.rangeEnd[k] as number)) this.addTo(k, stake, wins);
      return;
    }
    for (let j = this.first[i] as number; j < (this.first[i + 1] as number); j++) this.addTo(this.seriesOf[j] as number, stake, wins);
  }

  private addTo(k: number, stake: number, wins: number): void {
    const stakeSum = (this.stakeSum[k] as number) + stake;
    const winSum = (this.winSum[k] as number) + wins;
    this.stakeSum[k] = stakeSum;
    this.winSum[k] = winSum;
    if (Math.max(Math.abs(stakeSum), Math.abs(winSum)) >= 2 ** 53) this.summedInFull[k] = 1;
  }

  private sumInFull(v: ValidatorTotals, k: number): void {
    let stake = 0;
    let wins = 0;
    for (const i of (this.series[k] as TrackedSeries).members) {
      stake += v.stake[i] as number;
      wins += v.wins[i] as number;
    }
    this.stakeSum[k] = stake;
    this.winSum[k] = wins;
  }
}

/** Series that {@link TrackedShares} keeps as runs of validators, at most: each change is checked against each. */
const MAX_RANGE_SERIES = 32;

/** Whether the members are consecutive validators (or none). */
function isRun(members: ArrayLike<number>): boolean {
  const first = members[0] as number;
  for (let k = 1; k < members.length; k++) if (members[k] !== first + k) return false;
  return true;
}
