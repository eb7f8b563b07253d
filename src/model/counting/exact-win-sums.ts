import { grown } from '../../engine/grown.js';
import { SharedRows } from '../../lists/shared-rows.js';
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
 *
 * Validators with equal sums share one row of them ({@link SharedRows}): in a steady
 * pool those of one stake were in the same rounds, and the million bench workload's
 * 1,000,000 validators hold a few thousand distinct rows (48 MB as a row each).
 */
export class ExactWinSums {
  /** ODDS_POWERS sums per validator, a row shared by validators whose sums are equal. */
  private readonly sums: SharedRows;
  /**
   * Row of a validator's large-p masses in {@link largeMasses}, for those that have any:
   * few, since a pool has fewer than 256 members with p > 1/256.
   */
  private readonly largeRow = new Map<number, number>();
  private largeMasses = new Float64Array(16 * EXACT_MASSES);
  private largeRows = 0;

  /** @param enabled false: keep nothing (a run with rewards), and every validator's test is the binomial one */
  constructor(
    validators: number,
    readonly enabled = true,
  ) {
    this.sums = new SharedRows(ODDS_POWERS, enabled ? validators : 0);
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
    const at = this.sums.ownRow(v);
    addOddsPowers(this.sums.store, at, p / (1 - p));
  }

  /**
   * {@link addRound} `rounds` times with the same p, bit for bit as that loop would add.
   *
   * `repeated` (from {@link repeatedSums}, one per pass over a pool, for one value of
   * `rounds`) remembers, per p and shared row of sums before, the sums before and after
   * and the row that holds the latter: the next validator on that row with that p is
   * pointed at the same row instead of summing again, so validators of one stake and
   * history stay on one row. The sums are compared too, not only the rows: a row that is
   * a validator's alone takes its new sums in place, and is never taken for another.
   */
  addRounds(v: number, p: number, rounds: number, expectedBefore: number, repeated?: RepeatedOddsSums): void {
    if (p > SMALL_P) {
      // Rounds beyond the tracked range would be cleared at the end: not worth adding.
      const needed = Math.floor((TRACKED_UP_TO_EXPECTED + 1 - expectedBefore) / p) + 1;
      return this.convolve(v, p, Math.min(rounds, Math.max(1, needed)));
    }
    const rows = this.sums;
    const rowBefore = rows.rowOf[v] as number;
    let byRow = repeated?.get(p);
    const known = byRow?.get(rowBefore);
    if (known !== undefined && rows.holds(v, known.sums, 0) && rows.pointAt(v, known.row, known.sums, ODDS_POWERS)) return;
    // Only a shared row's move is worth remembering: no one else starts from a row of one's own.
    const entry = repeated !== undefined && !rows.ownsAlone(v) ? new Float64Array(2 * ODDS_POWERS) : null;
    entry?.set(rows.valuesOf(v));
    const first = rows.ownRow(v);
    const sums = rows.store;
    const powers = oddsPowers(p / (1 - p));
    for (let j = 0; j < ODDS_POWERS; j++) {
      const at = first + j;
      sums[at] = addRepeated(sums[at] as number, powers[j] as number, rounds);
    }
    if (repeated === undefined || entry === null) return;
    entry.set(sums.subarray(first, first + ODDS_POWERS), ODDS_POWERS);
    if (byRow === undefined) repeated.set(p, (byRow = new Map()));
    byRow.set(rowBefore, { sums: entry, row: rows.rowOf[v] as number });
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
    const row = this.largeRow.get(v);
    if (row !== undefined) return row;
    if ((this.largeRows + 1) * EXACT_MASSES > this.largeMasses.length) {
      this.largeMasses = grown(this.largeMasses, 2 * this.largeMasses.length);
    }
    this.largeRow.set(v, this.largeRows);
    this.largeMasses[this.largeRows * EXACT_MASSES] = 1;
    return this.largeRows++;
  }

  /** Clears the validators expected to win more than {@link EXACT_UP_TO_EXPECTED} times (their test is not exact). */
  finish(expectedWins: Float64Array): void {
    if (!this.enabled) return;
    for (let v = 0; v < expectedWins.length; v++) {
      if ((expectedWins[v] as number) <= EXACT_UP_TO_EXPECTED) continue;
      this.sums.clear(v);
      this.largeRow.delete(v);
    }
  }

  /** Whether the masses of a validator expected to win `expectedWins` times are kept (sums enabled, at most {@link EXACT_UP_TO_EXPECTED}). */
  hasMasses(expectedWins: number): boolean {
    return this.enabled && expectedWins <= EXACT_UP_TO_EXPECTED;
  }

  /** v's odds power sums (a view, valid until sums are added). */
  oddsPowerSumsOf(v: number): Float64Array {
    return this.sums.valuesOf(v);
  }

  /**
   * The row of v's odds power sums: validators on one row have equal sums (those on
   * different rows may too), so that a reader can compute from them once per row.
   */
  rowOfSums(v: number): number {
    return this.sums.rowOf[v] as number;
  }

  /** Distinct rows of odds power sums held (for measurements and tests). */
  get rowsOfSums(): number {
    return this.sums.rowsInUse;
  }

  /** Every validator's odds power sums, validator-major (a copy, for comparisons). */
  allOddsPowerSums(): Float64Array {
    const n = this.sums.rowOf.length;
    const all = new Float64Array(n * ODDS_POWERS);
    for (let v = 0; v < n; v++) all.set(this.sums.valuesOf(v), v * ODDS_POWERS);
    return all;
  }

  /** Sets v's odds power sums (for tests of their readers). */
  setOddsPowerSums(v: number, sums: ArrayLike<number>): void {
    const at = this.sums.ownRow(v);
    for (let j = 0; j < ODDS_POWERS; j++) this.sums.store[at + j] = sums[j] as number;
  }

  /** v's large-p masses for 0..EXACT_MASSES-1 wins (a copy), or null if it had no such round. */
  largeRoundMasses(v: number): Float64Array | null {
    const row = this.largeRow.get(v);
    return row === undefined ? null : this.largeMasses.slice(row * EXACT_MASSES, (row + 1) * EXACT_MASSES);
  }
}

/**
 * Per p and row of sums before, a validator's odds power sums before and after some
 * number of rounds (in `sums`, the first ODDS_POWERS entries before, the rest after) and
 * the row that held the latter; see {@link ExactWinSums.addRounds}.
 */
export type RepeatedOddsSums = Map<number, Map<number, { sums: Float64Array; row: number }>>;

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
