/**
 * Counts over positions 0..n-1 with two operations, each O(log n): add a value to
 * every position of a range, and sum the counts of a range (a Fenwick tree pair, the
 * classic range-update/range-query form). Sums stay exact below 2^53.
 */
export class RangeCounts {
  /** b1 holds the added values, b2 the values times (l - 1), both 1-based. */
  private readonly b1: Float64Array;
  private readonly b2: Float64Array;

  constructor(readonly size: number) {
    this.b1 = new Float64Array(size + 1);
    this.b2 = new Float64Array(size + 1);
  }

  /** Adds `value` to positions [from, to). */
  addRange(from: number, to: number, value: number): void {
    if (from >= to) return;
    // 1-based inclusive [l, r] = [from + 1, to].
    this.update(from + 1, value, value * from);
    if (to + 1 <= this.size) this.update(to + 1, -value, -value * to);
  }

  /** Sum of the counts of positions [from, to). */
  sumRange(from: number, to: number): number {
    return from >= to ? 0 : this.prefix(to) - this.prefix(from);
  }

  /** Sum of the counts of positions [0, k). */
  private prefix(k: number): number {
    let s1 = 0;
    let s2 = 0;
    for (let i = k; i > 0; i -= i & -i) {
      s1 += this.b1[i] as number;
      s2 += this.b2[i] as number;
    }
    return s1 * k - s2;
  }

  private update(index: number, v1: number, v2: number): void {
    for (let i = index; i <= this.size; i += i & -i) {
      this.b1[i] = (this.b1[i] as number) + v1;
      this.b2[i] = (this.b2[i] as number) + v2;
    }
  }
}
