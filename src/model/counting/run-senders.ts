import { greatestCommonDivisor } from './integers.js';
import { CycleCounts } from './cycle-counts.js';

/** Beyond this many phases a source's senders are counted one by one (see {@link RunSenders}). */
const MAX_PHASES = 64;
/** A millisecond table this long is made whatever the source's size (256 KB). */
const MAX_SMALL_TABLE = 1 << 16;

/**
 * The sync senders spawned by runs of one batch source's lines, counted without a
 * step per line: what {@link SyncSenders} needs of them is, for a window end ρ in
 * the sync period P, how many have a residue (spawn time mod P) below ρ.
 *
 * The source's members type at cycleStart + res_i, res_i sorted and below the
 * interval I, cycleStart a multiple of I. With I <= P, a run's residues are
 * (φ + res_i) mod P for the phase φ = cycleStart mod P, wrapping at most once, so
 * "residue below ρ" is res_i < ρ - φ, or P - φ <= res_i < P - φ + ρ: two ranges of
 * positions, found by a table per millisecond or by binary search. Runs are counted
 * per phase and position ({@link CycleCounts}: a cycle's runs in order cost O(1));
 * there are P / gcd(I, P) phases, so sources whose interval shares little with P
 * (more than 64 phases) are not taken ({@link accepts}).
 */
export class RunSenders {
  /** Index into the arrays below, per phase seen. */
  private readonly phaseIndex = new Map<number, number>();
  private readonly phases: number[] = [];
  private readonly counts: CycleCounts[] = [];
  /** Per phase φ, the first position whose residue wraps past P (lowerBound(P - φ)). */
  private readonly wrapsFrom: number[] = [];
  /**
   * {@link lowerBound} of each whole millisecond below the interval, when the interval
   * is whole milliseconds (window ends and phases then are too): a lookup instead of
   * two binary searches per phase at every round's sync count. Not made when it would
   * be much larger than the source (an hour's interval is 3.6 million entries).
   */
  private readonly firstAtMs: Int32Array | null;

  /**
   * @param residuesUs the members' residues in the source's order (ascending, below `intervalUs`)
   */
  constructor(
    private readonly residuesUs: Float64Array,
    intervalUs: number,
    private readonly periodUs: number,
  ) {
    if (!RunSenders.accepts(intervalUs, periodUs)) {
      throw new RangeError(`RunSenders: interval ${intervalUs} µs and period ${periodUs} µs are not supported`);
    }
    // The table's shortcuts (0 below the first, all at the interval) rely on this.
    if (residuesUs.some((r, i) => !(r >= 0 && r < intervalUs) || (i > 0 && r < (residuesUs[i - 1] as number)))) {
      throw new RangeError(`RunSenders: residues must be ascending in [0, ${intervalUs}) µs`);
    }
    const intervalMs = intervalUs / 1000;
    const tableFits = Number.isInteger(intervalMs) && intervalMs <= Math.max(MAX_SMALL_TABLE, 8 * residuesUs.length);
    this.firstAtMs = tableFits ? firstPositionAtMs(residuesUs, intervalMs) : null;
  }

  /** Whether runs at `intervalUs` can be counted this way (integer µs). */
  static accepts(intervalUs: number, periodUs: number): boolean {
    return intervalUs <= periodUs && periodUs / greatestCommonDivisor(periodUs, intervalUs) <= MAX_PHASES;
  }

  /**
   * Members [from, to) spawned a sender each at cycleStartUs + res_i. Returns the sum
   * over them of their first firing's period index (q of {@link SyncSenders}).
   */
  addRun(from: number, to: number, cycleStartUs: number): number {
    const P = this.periodUs;
    const phase = cycleStartUs % P;
    let k = this.phaseIndex.get(phase);
    if (k === undefined) {
      k = this.phases.length;
      this.phaseIndex.set(phase, k);
      this.phases.push(phase);
      this.counts.push(new CycleCounts(this.residuesUs.length));
      this.wrapsFrom.push(this.lowerBound(P - phase));
    }
    (this.counts[k] as CycleCounts).add(from, to);
    // q = floor(spawn / P) + 1, one more for those whose φ + res_i wraps past P.
    const wrapped = to - Math.max(from, this.wrapsFrom[k] as number);
    return (to - from) * (Math.floor(cycleStartUs / P) + 1) + Math.max(0, wrapped);
  }

  /** Senders added so far whose residue is below `rhoUs` (0 <= rhoUs <= P). */
  countBelow(rhoUs: number): number {
    const P = this.periodUs;
    let total = 0;
    for (let k = 0; k < this.phases.length; k++) {
      const phase = this.phases[k] as number;
      const counts = this.counts[k] as CycleCounts;
      total += counts.sumRange(0, this.lowerBound(rhoUs - phase));
      total += counts.sumRange(this.wrapsFrom[k] as number, this.lowerBound(P - phase + rhoUs));
    }
    return total;
  }

  /** Senders added so far whose residue is exactly `rhoUs` (0 <= rhoUs < P, integer µs). */
  countAt(rhoUs: number): number {
    const P = this.periodUs;
    let total = 0;
    for (let k = 0; k < this.phases.length; k++) {
      const phase = this.phases[k] as number;
      // (φ + res_i) mod P = ρ: res_i = ρ - φ unwrapped, or P - φ + ρ wrapped (those positions are the wrapped ones).
      total += this.countEqual(k, rhoUs - phase) + this.countEqual(k, P - phase + rhoUs);
    }
    return total;
  }

  /** Runs' senders at positions whose residue is exactly `valueUs`, for phase number k. */
  private countEqual(k: number, valueUs: number): number {
    const from = this.lowerBound(valueUs);
    // Mostly no member has that exact residue: then no count is summed.
    if (from === this.residuesUs.length || this.residuesUs[from] !== valueUs) return 0;
    return (this.counts[k] as CycleCounts).sumRange(from, this.lowerBound(valueUs + 1));
  }

  /** Of members [from, to) spawning at cycleStartUs + res_i, how many spawn at or after `timeUs`. */
  countFrom(from: number, to: number, cycleStartUs: number, timeUs: number): number {
    return Math.max(0, to - Math.max(from, this.lowerBound(timeUs - cycleStartUs)));
  }

  /** The first position whose residue is >= value (the member count if none). */
  private lowerBound(value: number): number {
    const table = this.firstAtMs;
    if (table !== null && value % 1000 === 0) {
      if (value <= 0) return 0;
      // Every residue is below the interval, the table's length in ms.
      return value >= table.length * 1000 ? this.residuesUs.length : (table[value / 1000] as number);
    }
    const residues = this.residuesUs;
    let lo = 0;
    let hi = residues.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((residues[mid] as number) < value) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}

/** For each whole ms m below `intervalMs`, the first position whose residue is >= m ms (residues ascending). */
function firstPositionAtMs(residuesUs: Float64Array, intervalMs: number): Int32Array {
  const table = new Int32Array(intervalMs);
  let position = 0;
  for (let ms = 0; ms < intervalMs; ms++) {
    while (position < residuesUs.length && (residuesUs[position] as number) < ms * 1000) position++;
    table[ms] = position;
  }
  return table;
}
