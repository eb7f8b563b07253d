/**
 * Counts over positions 0..n-1: add a value to every position of a range, and read one
 * position, each O(log n) (a Fenwick tree of the differences between neighbouring
 * counts); or take every count at once, O(n). Half of {@link RangeCounts}' memory, for
 * readers that never sum a range. Counts stay exact below 2^53.
 */
export class PointCounts {
  /** 1-based: a Fenwick tree over d[p] = count[p] - count[p - 1]. */
  private readonly tree: Float64Array;

  constructor(readonly size: number) {
    this.tree = new Float64Array(size + 1);
  }

  /** Adds `value` to positions [from, to). */
  addRange(from: number, to: number, value: number): void {
    if (from >= to) return;
    this.update(from + 1, value);
    if (to + 1 <= this.size) this.update(to + 1, -value);
  }

  /** The count at `position`. */
  countAt(position: number): number {
    let sum = 0;
    for (let i = position + 1; i > 0; i -= i & -i) sum += this.tree[i] as number;
    return sum;
  }

  /**
   * Every position's count, in position order, to `take`; the counts are all 0 after.
   * The tree is undone into the differences and summed in place: O(n), where n reads
   * would be O(n log n).
   */
  takeAll(take: (position: number, count: number) => void): void {
    this.toCounts();
    this.visit(take);
    this.tree.fill(0);
  }

  /** The tree, in place, into the counts: tree[p + 1] = count at p. */
  private toCounts(): void {
    this.undoTree();
    this.sumDifferences();
  }

  /** The tree's construction (tree[j] += tree[i] for j = i + lowbit(i), i ascending) undone, last first: tree[p] = d[p]. */
  private undoTree(): void {
    const tree = this.tree;
    const n = this.size;
    for (let i = n; i >= 1; i--) {
      const j = i + (i & -i);
      if (j <= n) tree[j] = (tree[j] as number) - (tree[i] as number);
    }
  }

  private sumDifferences(): void {
    const tree = this.tree;
    for (let i = 2; i <= this.size; i++) tree[i] = (tree[i] as number) + (tree[i - 1] as number);
  }

  private visit(take: (position: number, count: number) => void): void {
    for (let i = 1; i <= this.size; i++) take(i - 1, this.tree[i] as number);
  }

  private update(index: number, value: number): void {
    for (let i = index; i <= this.size; i += i & -i) this.tree[i] = (this.tree[i] as number) + value;
  }
}
