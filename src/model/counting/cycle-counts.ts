import { RangeCounts } from './range-counts.js';

/**
 * {@link CycleCounts} keeps plain prefix sums of its other counts after max(16, size)
 * queries in a row without a change (building them costs about size·log(size), so
 * they pay off only then), and only for sizes up to this.
 */
const MAX_FROZEN_SIZE = 1 << 16;

/**
 * Counts over positions 0..n-1 that grow by +1 on ranges, for ranges that mostly come
 * as whole cycles in pieces: [0, a), [a, b), ..., [z, n), then again from 0 (a batch
 * source's runs walk its members in order). Such a band of pieces costs O(1) to add
 * and to query: a finished cycle is one more to every position. Pieces that do not
 * continue the band (the first cycle, started midway; a member skipped) go to a
 * {@link RangeCounts}, which rarely changes once the runs are steady, so after enough
 * queries without a change its prefix sums are kept as a plain array.
 */
export class CycleCounts {
  private wholeCycles = 0;
  /** The band of the cycle in progress: +1 on [bandStart, bandEnd). */
  private bandStart = 0;
  private bandEnd = 0;
  /** Made at the first piece that does not continue the band: steady runs never need it (16 bytes a position). */
  private others: RangeCounts | null = null;
  /** Prefix sums of `others` while it does not change, or null. */
  private frozen: Float64Array | null = null;
  private queriesSinceChange = 0;

  constructor(readonly size: number) {}

  /** Adds 1 to positions [from, to) (from < to). */
  add(from: number, to: number): void {
    if (from !== this.bandEnd) {
      this.closeBand();
      this.bandStart = from;
    }
    this.bandEnd = to;
    if (to === this.size) this.closeBand();
  }

  /** Sum of the counts of positions [from, to). */
  sumRange(from: number, to: number): number {
    if (from >= to) return 0;
    const inBand = Math.max(0, Math.min(to, this.bandEnd) - Math.max(from, this.bandStart));
    return this.wholeCycles * (to - from) + inBand + (this.others === null ? 0 : this.othersSum(this.others, from, to));
  }

  private closeBand(): void {
    const { bandStart: start, bandEnd: end } = this;
    this.bandStart = this.bandEnd = 0;
    if (end <= start) return;
    if (start === 0 && end === this.size) {
      this.wholeCycles++;
      return;
    }
    this.others ??= new RangeCounts(this.size);
    this.others.addRange(start, end, 1);
    this.frozen = null;
    this.queriesSinceChange = 0;
  }

  private othersSum(others: RangeCounts, from: number, to: number): number {
    const frozen = this.frozen;
    if (frozen !== null) return (frozen[to] as number) - (frozen[from] as number);
    if (++this.queriesSinceChange >= Math.max(16, this.size) && this.size <= MAX_FROZEN_SIZE) this.frozen = prefixSums(others);
    return others.sumRange(from, to);
  }
}

function prefixSums(counts: RangeCounts): Float64Array {
  const sums = new Float64Array(counts.size + 1);
  for (let i = 0; i < counts.size; i++) sums[i + 1] = (sums[i] as number) + counts.sumRange(i, i + 1);
  return sums;
}
