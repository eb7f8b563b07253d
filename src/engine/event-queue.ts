import { grown } from './grown.js';

/** The arrays never shrink below this many events. */
const MIN_CAPACITY = 64;

/**
 * A binary min-heap of events ordered by (time, rank), stored in parallel typed
 * arrays so that scheduling allocates nothing once the arrays have grown.
 *
 * `rank` = priority * 2^40 + sequence: events at the same time run by priority, and
 * events of the same time and priority run in the order they were scheduled (FIFO),
 * as in SimPy's (time, priority, eid) heap. This is what makes a run deterministic.
 */
export class EventQueue {
  private times = new Float64Array(MIN_CAPACITY);
  private ranks = new Float64Array(MIN_CAPACITY);
  private handlers = new Int32Array(MIN_CAPACITY);
  private args = new Float64Array(MIN_CAPACITY);
  private count = 0;

  get size(): number {
    return this.count;
  }

  /** Events the arrays hold room for: at most 4x the most pending since it last shrank. */
  get capacity(): number {
    return this.times.length;
  }

  /** Time of the earliest event; Infinity when empty. */
  peekTime(): number {
    return this.count > 0 ? (this.times[0] as number) : Infinity;
  }

  /** Rank of the earliest event (only meaningful when not empty). */
  peekRank(): number {
    return this.ranks[0] as number;
  }

  push(time: number, rank: number, handler: number, arg: number): void {
    if (this.count === this.times.length) this.grow();
    let i = this.count++;
    const times = this.times;
    const ranks = this.ranks;
    // Sift up: move parents down until the new event's slot is found.
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const pt = times[parent] as number;
      if (pt < time || (pt === time && (ranks[parent] as number) < rank)) break;
      this.move(parent, i);
      i = parent;
    }
    times[i] = time;
    ranks[i] = rank;
    this.handlers[i] = handler;
    this.args[i] = arg;
  }

  /**
   * Removes the earliest event and writes it to `out` (reused to avoid allocation).
   * @throws if the queue is empty
   */
  pop(out: PoppedEvent): void {
    if (this.count === 0) throw new Error('EventQueue.pop: queue is empty');
    out.time = this.times[0] as number;
    out.handler = this.handlers[0] as number;
    out.arg = this.args[0] as number;
    const last = --this.count;
    // A model that schedules every validator's connect at the start (100,000 events)
    // needs that room only until they have run.
    if (last < this.times.length >> 2 && this.times.length > MIN_CAPACITY) this.shrink();
    if (last === 0) return;
    const time = this.times[last] as number;
    const rank = this.ranks[last] as number;
    const handler = this.handlers[last] as number;
    const arg = this.args[last] as number;
    const times = this.times;
    const ranks = this.ranks;
    let i = 0;
    // Sift down the former last event from the root.
    for (;;) {
      let child = 2 * i + 1;
      if (child >= last) break;
      const right = child + 1;
      if (right < last) {
        const ct = times[child] as number;
        const rt = times[right] as number;
        if (rt < ct || (rt === ct && (ranks[right] as number) < (ranks[child] as number))) child = right;
      }
      const ct = times[child] as number;
      if (time < ct || (time === ct && rank < (ranks[child] as number))) break;
      this.move(child, i);
      i = child;
    }
    times[i] = time;
    ranks[i] = rank;
    this.handlers[i] = handler;
    this.args[i] = arg;
  }

  private move(from: number, to: number): void {
    this.times[to] = this.times[from] as number;
    this.ranks[to] = this.ranks[from] as number;
    this.handlers[to] = this.handlers[from] as number;
    this.args[to] = this.args[from] as number;
  }

  /** Halves the arrays; entries [0, count] stay (the last one is still to be sifted down). */
  private shrink(): void {
    const n = this.times.length >> 1;
    this.times = this.times.slice(0, n);
    this.ranks = this.ranks.slice(0, n);
    this.handlers = this.handlers.slice(0, n);
    this.args = this.args.slice(0, n);
  }

  private grow(): void {
    const n = this.times.length * 2;
    this.times = grown(this.times, n);
    this.ranks = grown(this.ranks, n);
    this.handlers = grown(this.handlers, n);
    this.args = grown(this.args, n);
  }
}

export interface PoppedEvent {
  time: number;
  handler: number;
  arg: number;
}
