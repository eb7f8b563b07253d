/**
 * A first-in-first-out lane of events whose times never decrease in the order they
 * are scheduled: periodic events re-scheduled one period after they fire are the
 * typical case (each new time is at least the last one's). Such events need no heap:
 * push and pop are O(1). The simulation merges lanes with its heap by the same
 * (time, rank) order, so using a lane never changes the order events run in.
 */
export class FifoLane {
  private times = new Float64Array(256);
  private ranks = new Float64Array(256);
  private args = new Float64Array(256);
  private head = 0;
  private tail = 0;
  private mask = 255;
  /** Time of the last event scheduled; a lane refuses an earlier one. */
  lastTime = -Infinity;

  constructor(
    readonly handler: number,
    readonly priority: number,
  ) {}

  get size(): number {
    return this.tail - this.head;
  }

  get frontTime(): number {
    return this.tail > this.head ? (this.times[this.head & this.mask] as number) : Infinity;
  }

  get frontRank(): number {
    return this.ranks[this.head & this.mask] as number;
  }

  /** Caller guarantees time >= lastTime (see Simulation.scheduleInLane). */
  push(time: number, rank: number, arg: number): void {
    if (this.tail - this.head === this.times.length) this.grow();
    const i = this.tail++ & this.mask;
    this.times[i] = time;
    this.ranks[i] = rank;
    this.args[i] = arg;
    this.lastTime = time;
  }

  /** Removes the front event and returns its argument. */
  popArg(): number {
    return this.args[this.head++ & this.mask] as number;
  }

  private grow(): void {
    const n = this.times.length * 2;
    const copy = (a: Float64Array) => {
      const b = new Float64Array(n);
      for (let k = this.head; k < this.tail; k++) b[k - this.head] = a[k & this.mask] as number;
      return b;
    };
    this.times = copy(this.times);
    this.ranks = copy(this.ranks);
    this.args = copy(this.args);
    this.tail -= this.head;
    this.head = 0;
    this.mask = n - 1;
  }
}
