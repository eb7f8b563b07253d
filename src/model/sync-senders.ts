/** Sender counts are also summed per 32 ms and per 1,024 ms (see {@link SyncSenders}). */
const BLOCK_BITS = 5;
const SUPER_BITS = 10;

/**
 * The chain-sync sender threads, counted in aggregate.
 *
 * Under the seed's rules every BPM a client types spawns one more sender that writes
 * `json.dumps(chain)` every period, forever. Simulating each wake-up would cost
 * (threads x wake-ups): quadratic in the run length. Instead, a sender is reduced to
 * its first firing time u (spawn + period) and its residue u mod period, kept as a
 * count per millisecond of the period. The chain only changes at
 * lotteries, so all that is needed is how many firings fall in [a, b) between two
 * chain changes: for a sender with u <= a,
 *   firings before t = floor(t/P) - floor(u/P) + [u mod P < t mod P],
 * and summed over senders that is N*floor(t/P) - Σfloor(u/P) + #(residues < t mod P).
 * The difference over [a, b) needs only N and one prefix count per bound, which is
 * exact when a and b are whole milliseconds (the server's timings and jitter are).
 *
 * Every BPM typed adds a sender, while prefix counts are needed only at each chain
 * change: so the counts are also summed per 32 ms and per 1,024 ms, making an insert
 * three additions and a prefix count at most 30 + 31 + 31 (a Fenwick tree costs
 * O(log) for both, and inserts far outnumber prefix counts).
 */
export class SyncSenders {
  private readonly periodUs: number;
  /** Active senders per millisecond of the period, by residue. */
  private readonly counts: Float64Array;
  /** Sums of each 2^BLOCK_BITS and each 2^SUPER_BITS consecutive counts. */
  private readonly blockSums: Float64Array;
  private readonly superSums: Float64Array;
  private active = 0;
  /** First firing times of senders not yet in the tree, ascending (spawn order). */
  private pending = new Float64Array(1024);
  private pendingHead = 0;
  private pendingTail = 0;
  /** A multiple of the period at or before the next pending first firing (see {@link activatePending}). */
  private pendingPeriodStartUs = 0;
  /** Cancellations of removed senders: the next firing time each would have had. */
  private readonly cancelled: number[] = [];
  private windowStartUs = 0;
  private live = 0;

  constructor(periodUs: number) {
    if (!Number.isInteger(periodUs / 1000) || periodUs <= 0) {
      throw new RangeError(`SyncSenders: period must be a positive whole number of ms, got ${periodUs} µs`);
    }
    this.periodUs = periodUs;
    this.counts = new Float64Array(periodUs / 1000);
    this.blockSums = new Float64Array(Math.ceil(periodUs / 1000 / 2 ** BLOCK_BITS));
    this.superSums = new Float64Array(Math.ceil(periodUs / 1000 / 2 ** SUPER_BITS));
  }

  /** Sender threads alive now. */
  get count(): number {
    return this.live;
  }

  /** A sender spawned at `spawnUs` first writes one period later. */
  add(spawnUs: number): void {
    if (this.pendingTail === this.pending.length) this.compactPending();
    this.pending[this.pendingTail++] = spawnUs + this.periodUs;
    this.live++;
  }

  /** Stops the sender spawned at `spawnUs`, at `nowUs` (used by the fixed rules on disconnect). */
  remove(spawnUs: number, nowUs: number): void {
    const first = spawnUs + this.periodUs;
    const P = this.periodUs;
    this.cancelled.push(first >= nowUs ? first : first + P * Math.ceil((nowUs - first) / P));
    this.live--;
  }

  /**
   * Counts the writes in [windowStart, endUs) and starts the next window at endUs.
   * @throws if endUs is not a whole millisecond or goes back in time
   */
  countUntil(endUs: number): number {
    const a = this.windowStartUs;
    if (endUs < a || endUs % 1000 !== 0) {
      throw new RangeError(`SyncSenders.countUntil: end must be a whole ms >= ${a}, got ${endUs}`);
    }
    const P = this.periodUs;
    let writes =
      this.active * (Math.floor(endUs / P) - Math.floor(a / P)) + this.prefix(endUs % P) - this.prefix(a % P);
    writes += this.activatePending(endUs);
    for (let i = this.cancelled.length - 1; i >= 0; i--) {
      const u = this.cancelled[i] as number;
      if (u > endUs) continue;
      writes -= Math.ceil((endUs - u) / P);
      this.insert(u, -1);
      this.cancelled.splice(i, 1);
    }
    this.windowStartUs = endUs;
    return writes;
  }

  /**
   * Moves the pending senders whose first firing is at or before `endUs` into the
   * counts; returns their writes before `endUs`. This runs once per BPM typed, so it
   * avoids a floating-point modulo per sender: first firings come in ascending order,
   * and a residue is the distance to the last period start, moved on only when needed.
   */
  private activatePending(endUs: number): number {
    const P = this.periodUs;
    const pending = this.pending;
    const counts = this.counts;
    const blockSums = this.blockSums;
    const superSums = this.superSums;
    const tail = this.pendingTail;
    let head = this.pendingHead;
    let periodStart = this.pendingPeriodStartUs;
    let writes = 0;
    for (; head < tail; head++) {
      const u = pending[head] as number;
      if (u > endUs) break;
      let residueUs = u - periodStart;
      if (residueUs >= P || residueUs < 0) {
        periodStart = u - (u % P);
        residueUs = u - periodStart;
      }
      const untilEnd = endUs - u;
      writes += untilEnd <= P ? (untilEnd > 0 ? 1 : 0) : Math.ceil(untilEnd / P);
      const bucket = Math.floor(residueUs / 1000);
      counts[bucket] = (counts[bucket] as number) + 1;
      blockSums[bucket >> BLOCK_BITS] = (blockSums[bucket >> BLOCK_BITS] as number) + 1;
      superSums[bucket >> SUPER_BITS] = (superSums[bucket >> SUPER_BITS] as number) + 1;
    }
    this.active += head - this.pendingHead;
    this.pendingHead = head;
    this.pendingPeriodStartUs = periodStart;
    return writes;
  }

  private insert(firstUs: number, weight: number): void {
    this.active += weight;
    const bucket = Math.floor((firstUs % this.periodUs) / 1000);
    this.counts[bucket] = (this.counts[bucket] as number) + weight;
    this.blockSums[bucket >> BLOCK_BITS] = (this.blockSums[bucket >> BLOCK_BITS] as number) + weight;
    this.superSums[bucket >> SUPER_BITS] = (this.superSums[bucket >> SUPER_BITS] as number) + weight;
  }

  /** Number of active senders whose residue is below `residueUs` (a whole ms). */
  private prefix(residueUs: number): number {
    const end = residueUs / 1000;
    const fullSupers = end >> SUPER_BITS;
    const fullBlocks = end >> BLOCK_BITS;
    let sum = 0;
    for (let s = 0; s < fullSupers; s++) sum += this.superSums[s] as number;
    for (let b = fullSupers << (SUPER_BITS - BLOCK_BITS); b < fullBlocks; b++) sum += this.blockSums[b] as number;
    for (let i = fullBlocks << BLOCK_BITS; i < end; i++) sum += this.counts[i] as number;
    return sum;
  }

  private compactPending(): void {
    const used = this.pendingTail - this.pendingHead;
    const next = used * 2 > this.pending.length ? new Float64Array(this.pending.length * 2) : this.pending;
    next.set(this.pending.subarray(this.pendingHead, this.pendingTail), 0);
    this.pending = next;
    this.pendingHead = 0;
    this.pendingTail = used;
  }
}
