import { grown } from '../../engine/grown.js';

/** {@link PollerGroups.forward}: the group was not merged into another. */
export const NOT_MERGED = -1;

/**
 * The announcement pollers' groups (see AnnouncementPollers), as columns of typed
 * arrays indexed by group id: a client at irregular times makes a group per line, and
 * objects cost several times the memory and a garbage collector that scans them all.
 * Ids are never reused; a group whose pollers all died is only dropped from its
 * bucket.
 */
export class PollerGroups {
  /** Wake-up point in the poll period, µs. */
  residueUs = new Int32Array(1024);
  connection = new Int32Array(1024);
  /** When the group's first poller was spawned, µs (it skips that instant's wake-up). */
  createdUs = new Float64Array(1024);
  /** Pollers in the group. */
  count = new Float64Array(1024);
  /** The group it was merged into, or {@link NOT_MERGED}. */
  forward = new Int32Array(1024);
  private added = 0;

  /** Groups added so far (ids 0..size-1). */
  get size(): number {
    return this.added;
  }

  add(residueUs: number, connection: number, createdUs: number): number {
    if (this.added === this.residueUs.length) this.grow();
    const id = this.added++;
    this.residueUs[id] = residueUs;
    this.connection[id] = connection;
    this.createdUs[id] = createdUs;
    this.count[id] = 1;
    this.forward[id] = NOT_MERGED;
    return id;
  }

  /** The group `id`'s pollers now count in, following merges. */
  resolve(id: number): number {
    let g = id;
    while ((this.forward[g] as number) !== NOT_MERGED) g = this.forward[g] as number;
    return g;
  }

  /** Wake-up order: by residue, then connection. */
  compare(a: number, b: number): number {
    return (this.residueUs[a] as number) - (this.residueUs[b] as number) || (this.connection[a] as number) - (this.connection[b] as number);
  }

  /** True when group `id` is (residue, connection). */
  is(id: number, residueUs: number, connection: number): boolean {
    return this.residueUs[id] === residueUs && this.connection[id] === connection;
  }

  /**
   * Merges `added` (ids, sorted by {@link compare}) into `sorted`, in place, and returns
   * it, combining groups of the same (residue, connection): counts add up and the earlier
   * creation time is kept (a group created this instant skips this instant's wake-up,
   * which older pollers of the same point still make).
   */
  merge(sorted: number[], added: readonly number[]): number[] {
    // In place, from the back: a new array per merge (some twenty per bucket as it
    // fills) was most of the garbage of the million bench workload's first cycle.
    let i = sorted.length - 1;
    let j = added.length - 1;
    for (let k = 0; k < added.length; k++) sorted.push(0);
    for (let k = sorted.length - 1; j >= 0; k--) {
      // On a tie the added group goes after the sorted one, which then absorbs it.
      if (i >= 0 && this.compare(sorted[i] as number, added[j] as number) > 0) sorted[k] = sorted[i--] as number;
      else sorted[k] = added[j--] as number;
    }
    // Equal neighbours combine into the first of them.
    let kept = 0;
    for (let k = 0; k < sorted.length; k++) {
      const g = sorted[k] as number;
      const last = sorted[kept - 1];
      if (last !== undefined && this.compare(last, g) === 0) {
        this.count[last] = (this.count[last] as number) + (this.count[g] as number);
        this.createdUs[last] = Math.min(this.createdUs[last] as number, this.createdUs[g] as number);
        this.forward[g] = last;
      } else sorted[kept++] = g;
    }
    sorted.length = kept;
    return sorted;
  }

  /** Where in `bucket` (ids sorted by wake-up order) the group (residue, connection) is or goes. */
  position(bucket: readonly number[], residueUs: number, connection: number): number {
    let low = 0;
    let high = bucket.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      const g = bucket[mid] as number;
      const r = this.residueUs[g] as number;
      if (r < residueUs || (r === residueUs && (this.connection[g] as number) < connection)) low = mid + 1;
      else high = mid;
    }
    return low;
  }

  /**
   * Room for `groups` groups in all, made at once: the periodic clients declare how many
   * groups their lines will make before the first one, and growing by doubling to the
   * million bench workload's 3,000,000 groups copied 112 MB over ten steps (0.4 s) and
   * left a quarter of the last one unused.
   */
  reserve(groups: number): void {
    if (groups > this.residueUs.length) this.resize(groups);
  }

  private grow(): void {
    this.resize(this.residueUs.length * 2);
  }

  private resize(n: number): void {
    this.residueUs = grown(this.residueUs, n);
    this.connection = grown(this.connection, n);
    this.createdUs = grown(this.createdUs, n);
    this.count = grown(this.count, n);
    this.forward = grown(this.forward, n);
  }
}
