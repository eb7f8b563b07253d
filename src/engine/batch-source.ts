/**
 * A stream of events that a model hands over in bulk instead of one heap entry each:
 * typically many periodic events whose order is known in advance, so they need no
 * heap at all. The simulation merges a source with its heap by the same (time, rank)
 * order (see {@link Simulation.addSource}), so using a source never changes the order
 * events run in, only their cost.
 */
export interface BatchSource {
  /** Time of the source's next item, Infinity when it has none left. */
  readonly frontTime: number;
  /** Rank of that item (see {@link Simulation.rankOf}). */
  readonly frontRank: number;
  /**
   * Runs items in (time, rank) order for as long as {@link Simulation.mayRunItem}
   * allows, calling {@link Simulation.enterItem} before each one that does something.
   * Items that turn out to do nothing may be skipped without entering them, but also
   * only while `mayRunItem` allows, so the source never runs ahead of the clock.
   * Items that cannot schedule events may be run together and entered at once with
   * {@link Simulation.enterItems}, if `mayRunItem` allows each of them.
   */
  runBatch(): void;
}
