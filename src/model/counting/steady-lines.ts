import { PointCounts } from './point-counts.js';

const NO_SOURCE = -1;

/**
 * The lines each client typed in steady runs (see {@link PeriodicRun.steady}),
 * counted per run rather than per line: a run adds one to a range of its source's
 * positions ({@link PointCounts}), and a client's count is added to its total, and
 * taken off the counts, only when someone reads the total ({@link settle}), which for a
 * client in steady state is at the end. At 100,000 clients a per-line count was most of
 * a steady run's cost (one cache miss each).
 */
export class SteadyLines {
  private readonly sources: Int32Array[] = [];
  /** Per source and position, the lines not yet in the totals. */
  private readonly counts: PointCounts[] = [];
  /** Per source, whether some of its counts are not yet in the totals. */
  private readonly unsettled: boolean[] = [];
  private readonly sourceOf: Int32Array;
  private readonly positionOf: Int32Array;

  /**
   * @param totals the lines typed by each connection, to which counts are settled
   */
  constructor(private readonly totals: Float64Array) {
    this.sourceOf = new Int32Array(totals.length).fill(NO_SOURCE);
    this.positionOf = new Int32Array(totals.length);
  }

  /** Members [from, to) of the source whose order is `connections` typed a line each. */
  add(connections: Int32Array, from: number, to: number): void {
    let s = this.sources.indexOf(connections);
    if (s < 0) s = this.register(connections);
    (this.counts[s] as PointCounts).addRange(from, to, 1);
    this.unsettled[s] = true;
  }

  private register(connections: Int32Array): number {
    const s = this.sources.length;
    this.sources.push(connections);
    this.counts.push(new PointCounts(connections.length));
    this.unsettled.push(false);
    connections.forEach((c, position) => {
      this.sourceOf[c] = s;
      this.positionOf[c] = position;
    });
    return s;
  }

  /** Brings the total of `connection` up to date. */
  settle(connection: number): void {
    const s = this.sourceOf[connection] as number;
    if (s === NO_SOURCE || !this.unsettled[s]) return;
    this.settlePosition(s, this.positionOf[connection] as number);
  }

  /** Brings the totals of every member of the source whose order is `connections` up to date. */
  settleSource(connections: Int32Array): void {
    const s = this.sources.indexOf(connections);
    if (s < 0 || !this.unsettled[s]) return;
    this.settlePositions(s);
    this.unsettled[s] = false;
  }

  /** Brings every total up to date. */
  settleAll(): void {
    for (const connections of this.sources) this.settleSource(connections);
  }

  /** Every member of source s: its count into its total, at once (O(n), see PointCounts.takeAll). */
  private settlePositions(s: number): void {
    const connections = this.sources[s] as Int32Array;
    const totals = this.totals;
    (this.counts[s] as PointCounts).takeAll((position, typed) => {
      const c = connections[position] as number;
      totals[c] = (totals[c] as number) + typed;
    });
  }

  private settlePosition(s: number, position: number): void {
    const counts = this.counts[s] as PointCounts;
    const typed = counts.countAt(position);
    if (typed === 0) return;
    const c = (this.sources[s] as Int32Array)[position] as number;
    this.totals[c] = (this.totals[c] as number) + typed;
    counts.addRange(position, position + 1, -typed);
  }
}
