import { greatestCommonDivisor } from './integers.js';

/**
 * Cycles up to this many lines are held by {@link OpenPeriodicLines}; longer ones
 * (an interval of 10.001 s against a 3 s poll cycles through 3,000 points) stay one
 * group per point, since a connection that has spawned few of its points would make
 * the search for the next wake-up walk past it at nearly every point.
 */
export const MAX_IMPLICIT_CYCLE = 8;
const NO_CLASS = 0xffff;
const BUCKET_US = 1000;

/**
 * The connections of one interval: their lines' wake-up points are base + m·step for
 * m < cycle, where base is the first line's residue mod step.
 */
interface IntervalClass {
  intervalUs: number;
  /** The gap between a connection's points, P / cycle, µs. */
  stepUs: number;
  cycle: number;
  /** Slots moved per line ((interval mod P) / step), and its inverse mod cycle. */
  slotsPerLine: number;
  linesPerSlot: number;
  /** Connections by base, then number, in buckets of BUCKET_US of base. */
  buckets: number[][];
  /** Per bucket, connections added since it was last sorted. */
  unsorted: Array<number[] | undefined>;
  /** Per slot m, how many open connections have spawned the line that lands on it. */
  spawnedAtSlot: Float64Array;
  /**
   * The same per slot and bucket (slot-major): the search for the next wake-up skips a
   * bucket with none, so a slot that few connections have reached yet costs a walk over
   * the buckets, not over every connection.
   */
  spawnedAtSlotInBucket: Int32Array;
}

/**
 * The pollers that open periodic connections' lines spawn, one entry per connection
 * instead of one group per wake-up point (see AnnouncementPollers).
 *
 * A connection typing every I from its first line at F spawns line k's poller at
 * F + k·I. With P the poll period, `cycle` = P / gcd(P, I mod P) and step = P / cycle,
 * its lines' points are (F + j·I) mod P for j < cycle, which are base + m·step for
 * every slot m < cycle, base = F mod step; line k ≥ cycle repeats line k mod cycle's
 * point. So a connection is its base, its first line's slot, and how many of its
 * first `cycle` lines it has spawned; the point of slot m holds a group once the line
 * landing there has. While the connection is open its pollers never die, and every
 * message they take is delivered, so no counts are kept: AnnouncementPollers makes
 * the connection's groups, counted, when it closes. The million bench workload's
 * three line groups per connection (28 bytes each and a bucket entry) were most of
 * its pollers' memory and the first cycle's time.
 */
export class OpenPeriodicLines {
  private readonly classes: IntervalClass[] = [];
  private readonly classOfInterval = new Map<number, number>();
  /** Per connection: its class, or NO_CLASS. */
  private readonly classOf: Uint16Array;
  private readonly baseUs: Int32Array;
  private readonly firstSlot: Uint8Array;
  /** Lines spawned so far, up to the cycle. */
  private readonly spawned: Uint8Array;

  /**
   * @param periodUs the poll period, a whole number of ms
   * @param firstUs per connection, when its first line came (µs): the caller's column, set before that line's {@link spawnLine}
   */
  constructor(
    private readonly periodUs: number,
    private readonly firstUs: Float64Array,
  ) {
    const connections = firstUs.length;
    this.classOf = new Uint16Array(connections).fill(NO_CLASS);
    this.baseUs = new Int32Array(connections);
    this.firstSlot = new Uint8Array(connections);
    this.spawned = new Uint8Array(connections);
  }

  /**
   * Takes the connection if its lines every `intervalUs` cycle through at most
   * {@link MAX_IMPLICIT_CYCLE} points; returns whether it did.
   */
  declare(connection: number, intervalUs: number): boolean {
    const cycle = this.periodUs / greatestCommonDivisor(this.periodUs, intervalUs % this.periodUs);
    if (cycle > MAX_IMPLICIT_CYCLE) return false;
    let index = this.classOfInterval.get(intervalUs);
    if (index === undefined) {
      if (this.classes.length === NO_CLASS) return false;
      index = this.classes.length;
      this.classes.push(newClass(intervalUs, this.periodUs, cycle));
      this.classOfInterval.set(intervalUs, index);
    }
    this.classOf[connection] = index;
    return true;
  }

  /** Whether the connection's line pollers are held here (declared, and not closed). */
  holds(connection: number): boolean {
    return this.classOf[connection] !== NO_CLASS;
  }

  /** Line `k` of a held connection, at `nowUs`, spawned its poller; only lines before the cycle's end make a point. */
  spawnLine(connection: number, k: number, nowUs: number): void {
    const cls = this.classes[this.classOf[connection] as number] as IntervalClass;
    if (k >= cls.cycle) return;
    if (k === 0) {
      const residueUs = nowUs % this.periodUs;
      const slot = Math.floor(residueUs / cls.stepUs);
      this.baseUs[connection] = residueUs - slot * cls.stepUs;
      this.firstSlot[connection] = slot;
      const b = Math.floor((this.baseUs[connection] as number) / BUCKET_US);
      (cls.unsorted[b] ??= []).push(connection);
    }
    this.spawned[connection] = k + 1;
    this.countLine(cls, connection, k, 1);
  }

  /** Adds `change` to the counts of connections that have spawned line `j` of `connection`'s slot. */
  private countLine(cls: IntervalClass, connection: number, j: number, change: number): void {
    const slot = this.slotOfLine(cls, connection, j);
    cls.spawnedAtSlot[slot] = (cls.spawnedAtSlot[slot] as number) + change;
    const at = slot * cls.buckets.length + Math.floor((this.baseUs[connection] as number) / BUCKET_US);
    cls.spawnedAtSlotInBucket[at] = (cls.spawnedAtSlotInBucket[at] as number) + change;
  }

  /**
   * The connection closes: it leaves. Returns how many of its first lines it spawned
   * (their points are (first + j·interval) mod P, j below that).
   */
  release(connection: number): number {
    const index = this.classOf[connection] as number;
    const lines = this.spawned[connection] as number;
    this.classOf[connection] = NO_CLASS;
    this.spawned[connection] = 0;
    if (lines === 0) return 0;
    const cls = this.classes[index] as IntervalClass;
    for (let j = 0; j < lines; j++) this.countLine(cls, connection, j, -1);
    const bucket = this.sortedBucket(cls, Math.floor((this.baseUs[connection] as number) / BUCKET_US));
    bucket.splice(this.position(bucket, this.baseUs[connection] as number, connection), 1);
    return lines;
  }

  /**
   * The lowest-numbered connection with a group at `residueUs` that was not made at
   * `nowUs` (a poller spawned this instant polled at its spawn), or -1.
   */
  firstAwake(residueUs: number, nowUs: number): number {
    let first = -1;
    for (const cls of this.classes) {
      const slot = Math.floor(residueUs / cls.stepUs);
      if (cls.spawnedAtSlot[slot] === 0) continue;
      const baseUs = residueUs - slot * cls.stepUs;
      const bucket = this.sortedBucket(cls, Math.floor(baseUs / BUCKET_US));
      for (let i = this.position(bucket, baseUs, 0); i < bucket.length; i++) {
        const c = bucket[i] as number;
        if (this.baseUs[c] !== baseUs || (first !== -1 && c > first)) break;
        const line = this.lineAtSlot(cls, c, slot);
        if (line < (this.spawned[c] as number) && (this.firstUs[c] as number) + line * cls.intervalUs !== nowUs) {
          first = c;
          break;
        }
      }
    }
    return first;
  }

  /** The earliest time at or after (or after) `fromUs` at which a group wakes, or null. */
  nextWake(fromUs: number, inclusive: boolean): number | null {
    let earliest: number | null = null;
    const fromResidue = fromUs % this.periodUs;
    const periodStart = fromUs - fromResidue;
    for (const cls of this.classes) {
      const found = this.nextPoint(cls, fromResidue, inclusive);
      if (found !== null && (earliest === null || periodStart + found < earliest)) earliest = periodStart + found;
    }
    return earliest;
  }

  /** The class's first point at or after (or after) `fromResidue`, as an offset from that residue's period start (so perhaps past P), or null. */
  private nextPoint(cls: IntervalClass, fromResidue: number, inclusive: boolean): number | null {
    const fromSlot = Math.floor(fromResidue / cls.stepUs);
    const fromBase = fromResidue - fromSlot * cls.stepUs;
    // This period from fromResidue's slot on, then the next period's slots from the first.
    for (let s = 0; s <= cls.cycle; s++) {
      const slot = (fromSlot + s) % cls.cycle;
      const wrapped = fromSlot + s >= cls.cycle;
      if (cls.spawnedAtSlot[slot] === 0) continue;
      const base = this.firstBaseAt(cls, slot, s === 0 ? fromBase : 0, s === 0 && !inclusive);
      if (base !== null) return (wrapped ? this.periodUs : 0) + slot * cls.stepUs + base;
    }
    return null;
  }

  /** The lowest base at or above (or above) `fromBase` with a group at `slot`, or null. */
  private firstBaseAt(cls: IntervalClass, slot: number, fromBase: number, strictly: boolean): number | null {
    for (let b = Math.floor(fromBase / BUCKET_US); b < cls.buckets.length; b++) {
      if (cls.spawnedAtSlotInBucket[slot * cls.buckets.length + b] === 0) continue;
      const bucket = this.sortedBucket(cls, b);
      const start = b === Math.floor(fromBase / BUCKET_US) ? this.position(bucket, strictly ? fromBase + 1 : fromBase, 0) : 0;
      for (let i = start; i < bucket.length; i++) {
        const c = bucket[i] as number;
        if (this.lineAtSlot(cls, c, slot) < (this.spawned[c] as number)) return this.baseUs[c] as number;
      }
    }
    return null;
  }

  /** The slot line `j` (< cycle) of connection `c` lands on. */
  private slotOfLine(cls: IntervalClass, c: number, j: number): number {
    return ((this.firstSlot[c] as number) + j * cls.slotsPerLine) % cls.cycle;
  }

  /** The line (< cycle) of connection `c` that lands on `slot`. */
  private lineAtSlot(cls: IntervalClass, c: number, slot: number): number {
    return (((slot - (this.firstSlot[c] as number) + cls.cycle) % cls.cycle) * cls.linesPerSlot) % cls.cycle;
  }

  /** Bucket `b` of the class with its unsorted connections merged in. */
  private sortedBucket(cls: IntervalClass, b: number): number[] {
    const added = cls.unsorted[b];
    const bucket = cls.buckets[b] as number[];
    if (added === undefined) return bucket;
    cls.unsorted[b] = undefined;
    const base = this.baseUs;
    for (const c of added) bucket.push(c);
    bucket.sort((x, y) => (base[x] as number) - (base[y] as number) || x - y);
    return bucket;
  }

  /** Where in `bucket` the first entry at or after (base, connection) is. */
  private position(bucket: readonly number[], baseUs: number, connection: number): number {
    let low = 0;
    let high = bucket.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      const c = bucket[mid] as number;
      const base = this.baseUs[c] as number;
      if (base < baseUs || (base === baseUs && c < connection)) low = mid + 1;
      else high = mid;
    }
    return low;
  }
}

function newClass(intervalUs: number, periodUs: number, cycle: number): IntervalClass {
  const stepUs = periodUs / cycle;
  const slotsPerLine = ((intervalUs % periodUs) / stepUs) % cycle;
  let linesPerSlot = 0;
  while (cycle > 1 && (linesPerSlot * slotsPerLine) % cycle !== 1) linesPerSlot++;
  const buckets = Math.ceil(stepUs / BUCKET_US);
  return {
    intervalUs,
    stepUs,
    cycle,
    slotsPerLine,
    linesPerSlot,
    buckets: Array.from({ length: buckets }, () => []),
    unsorted: new Array<number[] | undefined>(buckets),
    spawnedAtSlot: new Float64Array(cycle),
    spawnedAtSlotInBucket: new Int32Array(cycle * buckets),
  };
}
