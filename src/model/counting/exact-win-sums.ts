import { grown } from '../../engine/grown.js';
import { addRepeated } from './repeated-sum.js';

/** Power sums of the odds kept per validator (see oddsPowerSumsPmf); {@link addOddsPowers} is written for 6. */
export const ODDS_POWERS = 6;
/** Rounds with p at most this go into the odds power sums; larger ones into masses of their own. */
export const SMALL_P = 1 / 256;
/** Validators expected to win at most this many times get the exact test. */
export const EXACT_UP_TO_EXPECTED = 20;
/** Masses kept, for 0..EXACT_MASSES-1 wins: beyond 72, a count expected <= 20 has < 1e-18 of its mass. */
export const EXACT_MASSES = 73;
/** Rounds are added while the expected count before them is at most this (see {@link ExactWinSums}). */
const TRACKED_UP_TO_EXPECTED = EXACT_UP_TO_EXPECTED + 1;

/**
 * What the exact per-validator test needs of a validator's rounds, kept in a space that
 * does not grow with their number: a validator's wins are a sum of independent
 * Bernoulli(p_t) (a Poisson-binomial count), fully described by the list of its p_t,
 * and that list is summed up as
 *
 * - for rounds with p <= {@link SMALL_P}: the first {@link ODDS_POWERS} power sums of
 *   the odds r = p / (1 - p), from which the masses follow to within rounding: cutting
 *   the series after 6 terms moves a tail probability by at most r^6 x 21 / 7 < 1.1e-14
 *   for r <= 1/255 (src/stats/oddsPowerSumsPmf.ts says why);
 * - for the other rounds: the masses of their own sum, for 0..{@link EXACT_MASSES}-1
 *   wins, convolved one round at a time. A validator expected to win at most 21 times
 *   has at most 256 x 21 such rounds, however long the run.
 *
 * Under rewards nothing is kept ({@link enabled} is false): each round's p then depends
 * on earlier wins, so the wins are not a Poisson-binomial count and an exact test of
 * one would not be exact either (the winner PIT and the martingale z are the tests
 * there), and every round is a new pool, whose members would each cost an update.
 *
 * Only validators whose expected count is still at most 21 take new rounds (a check per
 * member and round); at the end ({@link finish}) those above
 * {@link EXACT_UP_TO_EXPECTED} are cleared, because the others' tests use a binomial
 * approximation instead, so that every path that adds the same rounds, one at a time
 * or many at once, leaves the same sums, bit for bit.
 */
export class ExactWinSums {
  /** ODDS_POWERS sums per validator, validator-major. */
  readonly oddsPowerSums: Float64Array;
  /** Row of each validator's large-p masses in {@link largeMasses}, or -1. */
  private readonly largeRow: Int32Array;
  private largeMasses = new Float64Array(16 * EXACT_MASSES);
  private largeRows = 0;

  /** @param enabled false: keep nothing (a run with rewards), and every validator's test is the binomial one */
  constructor(
    validators: number,
    readonly enabled = true,
  ) {
    this.oddsPowerSums = new Float64Array(enabled ? validators * ODDS_POWERS : 0);
    this.largeRow = new Int32Array(validators).fill(-1);
    this.trackedUpTo = enabled ? TRACKED_UP_TO_EXPECTED : -1;
  }

  /** Expected counts above this take no more rounds (-1: nothing is kept). */
  private readonly trackedUpTo: number;

  /** Whether a validator expected to win `expectedBefore` times so far takes a new round. */
  tracks(expectedBefore: number): boolean {
    return expectedBefore <= this.trackedUpTo;
  }

  /** Adds one round in which validator `v` held a share `p` of the pool. */
  addRound(v: number, p: number): void {
    if (p > SMALL_P) return this.convolve(v, p, 1);
    addOddsPowers(this.oddsPowerSums, v * ODDS_POWERS, p / (1 - p));
  }

  /**
   * {@link addRound} `rounds` times with the same p, bit for bit as that loop would add.
   * `repeated` (from {@link repeatedSums}, for one value of `rounds`) remembers, per p,
   * the last odds power sums before and after: a validator that starts from the same
   * sums gets the same result, copied instead of summed again.
   */
  addRounds(v: number, p: number, rounds: number, expectedBefore: number, repeated?: RepeatedOddsSums): void {
    if (p > SMALL_P) {
      // Rounds beyond the tracked range would be cleared at the end: not worth adding.
      const needed = Math.floor((TRACKED_UP_TO_EXPECTED + 1 - expectedBefore) / p) + 1;
      return this.convolve(v, p, Math.min(rounds, Math.max(1, needed)));
    }
    const sums = this.oddsPowerSums;
    const first = v * ODDS_POWERS;
    const known = repeated?.get(p);
    if (known !== undefined && startsAt(known, sums, first)) return sums.set(known.subarray(ODDS_POWERS), first);
    const before = repeated === undefined ? null : sums.slice(first, first + ODDS_POWERS);
    const powers = oddsPowers(p / (1 - p));
    for (let j = 0; j < ODDS_POWERS; j++) {
      const at = first + j;
      sums[at] = addRepeated(sums[at] as number, powers[j] as number, rounds);
    }
    if (repeated !== undefined && before !== null) {
      const entry = new Float64Array(2 * ODDS_POWERS);
      entry.set(before);
      entry.set(sums.subarray(first, first + ODDS_POWERS), ODDS_POWERS);
      repeated.set(p, entry);
    }
  }

  /** A new memo for {@link addRounds}' `repeated`. */
  repeatedSums(): RepeatedOddsSums {
    return new Map();
  }

  /** Convolves `rounds` Bernoulli(p) into v's large-p masses (the mass past the last is dropped). */
  private convolve(v: number, p: number, rounds: number): void {
    const base = this.rowOf(v) * EXACT_MASSES;
    const masses = this.largeMasses;
    const q = 1 - p;
    for (let t = 0; t < rounds; t++) {
      for (let k = base + EXACT_MASSES - 1; k > base; k--) masses[k] = (masses[k] as number) * q + (masses[k - 1] as number) * p;
      masses[base] = (masses[base] as number) * q;
    }
  }

  private rowOf(v: number): number {
    const row = this.largeRow[v] as number;
    if (row >= 0) return row;
    if ((this.largeRows + 1) * EXACT_MASSES > this.largeMasses.length) {
      this.largeMasses = grown(this.largeMasses, 2 * this.largeMasses.length);
    }
    this.largeRow[v] = this.largeRows;
    this.largeMasses[this.largeRows * EXACT_MASSES] = 1;
    return this.largeRows++;
  }

  /** Clears the validators expected to win more than {@link EXACT_UP_TO_EXPECTED} times (their test is not exact). */
  finish(expectedWins: Float64Array): void {
    if (!this.enabled) return;
    for (let v = 0; v < expectedWins.length; v++) {
      if ((expectedWins[v] as number) <= EXACT_UP_TO_EXPECTED) continue;
      this.oddsPowerSums.fill(0, v * ODDS_POWERS, (v + 1) * ODDS_POWERS);
      this.largeRow[v] = -1;
    }
  }

  /** Whether the masses of a validator expected to win `expectedWins` times are kept (sums enabled, at most {@link EXACT_UP_TO_EXPECTED}). */
  hasMasses(expectedWins: number): boolean {
    return this.enabled && expectedWins <= EXACT_UP_TO_EXPECTED;
  }

  /** v's odds power sums (a view). */
  oddsPowerSumsOf(v: number): Float64Array {
    return this.oddsPowerSums.subarray(v * ODDS_POWERS, (v + 1) * ODDS_POWERS);
  }

  /** v's large-p masses for 0..EXACT_MASSES-1 wins (a copy), or null if it had no such round. */
  largeRoundMasses(v: number): Float64Array | null {
    const row = this.largeRow[v] as number;
    return row < 0 ? null : this.largeMasses.slice(row * EXACT_MASSES, (row + 1) * EXACT_MASSES);
  }
}

/**
 * Per p, a validator's odds power sums before and after some number of rounds (the first
 * ODDS_POWERS entries before, the rest after); see {@link ExactWinSums.addRounds}.
 */
export type RepeatedOddsSums = Map<number, Float64Array>;

/** Whether the sums from `first` are the "before" half of `entry`. */
function startsAt(entry: Float64Array, sums: Float64Array, first: number): boolean {
  for (let j = 0; j < ODDS_POWERS; j++) if ((sums[first + j] as number) !== (entry[j] as number)) return false;
  return true;
}

/** r, r², ..., r⁶, each computed as {@link addOddsPowers} computes it. */
function oddsPowers(r: number): number[] {
  const r2 = r * r;
  const r4 = r2 * r2;
  return [r, r2, r2 * r, r4, r4 * r, r4 * r2];
}

/** Adds r, r², ..., r⁶ to sums[at..at+5]: unrolled, with short chains of multiplications (the hot path under rewards). */
function addOddsPowers(sums: Float64Array, at: number, r: number): void {
  const r2 = r * r;
  const r4 = r2 * r2;
  sums[at] = (sums[at] as number) + r;
  sums[at + 1] = (sums[at + 1] as number) + r2;
  sums[at + 2] = (sums[at + 2] as number) + r2 * r;
  sums[at + 3] = (sums[at + 3] as number) + r4;
  sums[at + 4] = (sums[at + 4] as number) + r4 * r;
  sums[at + 5] = (sums[at + 5] as number) + r4 * r2;
}
