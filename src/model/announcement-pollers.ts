/** Pollers of one connection that wake at the same point of the poll period. */
interface PollerGroup {
  readonly residueUs: number;
  readonly connection: number;
  readonly createdUs: number;
  count: number;
}

/** Spawn-cache entries per connection (see {@link AnnouncementPollers.spawn}). */
const RECENT_PER_CONNECTION = 4;

/** Where announcements went. */
export interface AnnouncementTotals {
  delivered: number;
  lost: number;
}

/**
 * The seed's announcement pollers, in aggregate (quirk 5 and half of quirk 6).
 *
 * Each poller takes a message from the one shared queue if there is one, else sleeps
 * the poll period; so it polls at spawn, spawn + P, spawn + 2P, ... for ever, and a
 * message goes to whichever poller polls first. A poller whose connection is closed
 * dies on its send and the message is lost. Pollers are grouped by (connection,
 * spawn time mod P): a group's members are interchangeable, so memory and cost follow
 * the distinct wake-up points, not the number of threads. Groups live in one bucket
 * per millisecond of the period, sorted by (residue, connection), which is both the
 * wake-up order and the index a spawn binary-searches.
 *
 * Same-instant order: a poller spawned by client input polls before the lottery of
 * that instant; pollers waking from sleep poll after it, by connection number.
 */
export class AnnouncementPollers {
  private readonly periodUs: number;
  private readonly buckets: PollerGroup[][];
  private pendingMessages = 0;
  private live = 0;
  private lastWakeUs = -1;
  /**
   * The last few groups each connection spawned into, by residue: a client that types
   * at a fixed interval cycles through a handful of residues, so nearly every spawn
   * finds its group here instead of searching its bucket.
   */
  private readonly recentResidue: Float64Array;
  private readonly recentGroup: Array<PollerGroup | undefined>;
  private readonly recentNext: Uint8Array;
  readonly totals: AnnouncementTotals = { delivered: 0, lost: 0 };

  /**
   * @param periodUs poll sleep, a whole number of ms
   * @param connections connection numbers are below this
   * @param onDelivered called with the connection each delivered message reached
   */
  constructor(
    periodUs: number,
    connections: number,
    private readonly onDelivered: (connection: number, messages: number) => void,
  ) {
    if (!Number.isInteger(periodUs / 1000) || periodUs <= 0) {
      throw new RangeError(`AnnouncementPollers: period must be a positive whole number of ms, got ${periodUs} µs`);
    }
    this.periodUs = periodUs;
    this.buckets = Array.from({ length: periodUs / 1000 }, () => []);
    this.recentResidue = new Float64Array(connections * RECENT_PER_CONNECTION).fill(-1);
    this.recentGroup = new Array<PollerGroup | undefined>(connections * RECENT_PER_CONNECTION);
    this.recentNext = new Uint8Array(connections);
  }

  /** Poller threads alive. */
  get count(): number {
    return this.live;
  }

  /** Messages waiting in the shared queue. */
  get pending(): number {
    return this.pendingMessages;
  }

  /** A new poller of an open connection: it polls at once, taking whatever waits. */
  spawn(connection: number, nowUs: number): void {
    this.live++;
    if (this.pendingMessages > 0) this.deliver(connection, this.pendingMessages);
    const residueUs = nowUs % this.periodUs;
    const recent = connection * RECENT_PER_CONNECTION;
    for (let j = recent; j < recent + RECENT_PER_CONNECTION; j++) {
      if (this.recentResidue[j] !== residueUs) continue;
      const group = this.recentGroup[j] as PollerGroup;
      // A group whose pollers all died is gone from its bucket (only closed connections' die).
      if (group.count > 0) {
        group.count++;
        return;
      }
    }
    const group = this.findOrAddGroup(connection, residueUs, nowUs);
    const next = this.recentNext[connection] as number;
    this.recentNext[connection] = (next + 1) % RECENT_PER_CONNECTION;
    const slot = recent + next;
    this.recentResidue[slot] = residueUs;
    this.recentGroup[slot] = group;
  }

  private findOrAddGroup(connection: number, residueUs: number, nowUs: number): PollerGroup {
    const bucket = this.buckets[Math.floor(residueUs / 1000)] as PollerGroup[];
    // Buckets are sorted by (residue, connection): find the group, or where it goes.
    let low = 0;
    let high = bucket.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      const g = bucket[mid] as PollerGroup;
      if (g.residueUs < residueUs || (g.residueUs === residueUs && g.connection < connection)) low = mid + 1;
      else high = mid;
    }
    const found = bucket[low];
    if (found && found.residueUs === residueUs && found.connection === connection) {
      found.count++;
      return found;
    }
    const group = { residueUs, connection, createdUs: nowUs, count: 1 };
    bucket.splice(low, 0, group);
    return group;
  }

  /**
   * Puts one message on the queue at `nowUs`. Returns when a sleeping poller next
   * wakes to take it (the caller schedules {@link wake} then), or null if none exists.
   */
  announce(nowUs: number): number | null {
    this.pendingMessages++;
    return this.nextWake(nowUs, true);
  }

  /**
   * The pollers whose sleep ends at `nowUs` poll, in connection order. Returns the next
   * wake-up that matters (messages still waiting), or null.
   */
  wake(nowUs: number, isOpen: (connection: number) => boolean): number | null {
    if (this.pendingMessages === 0 || nowUs === this.lastWakeUs) return null;
    this.lastWakeUs = nowUs;
    const residueUs = nowUs % this.periodUs;
    const bucket = this.buckets[Math.floor(residueUs / 1000)] as PollerGroup[];
    for (let i = 0; i < bucket.length && this.pendingMessages > 0; i++) {
      const group = bucket[i] as PollerGroup;
      // Groups created this instant already polled at their spawn.
      if (group.residueUs !== residueUs || group.createdUs === nowUs) continue;
      if (isOpen(group.connection)) {
        this.deliver(group.connection, this.pendingMessages);
        continue;
      }
      // Each poller of a closed connection takes one message, fails to send it and dies.
      const taken = Math.min(group.count, this.pendingMessages);
      this.pendingMessages -= taken;
      this.totals.lost += taken;
      this.live -= taken;
      group.count -= taken;
      if (group.count === 0) bucket.splice(i--, 1);
    }
    return this.pendingMessages > 0 ? this.nextWake(nowUs, false) : null;
  }

  private deliver(connection: number, messages: number): void {
    this.totals.delivered += messages;
    this.pendingMessages -= messages;
    this.onDelivered(connection, messages);
  }

  /** Earliest wake-up at or after (or strictly after) `fromUs`, over all groups. */
  private nextWake(fromUs: number, inclusive: boolean): number | null {
    if (this.live === 0) return null;
    const P = this.periodUs;
    const base = fromUs - (fromUs % P);
    const fromResidue = fromUs % P;
    const first = Math.floor(fromResidue / 1000);
    const n = this.buckets.length;
    for (let k = 0; k <= n; k++) {
      const b = (first + k) % n;
      const bucket = this.buckets[b] as PollerGroup[];
      if (bucket.length === 0) continue;
      for (const group of bucket) {
        const wrapped = k === n || (k > 0 && b < first) ? P : 0;
        const r = group.residueUs + wrapped;
        if (k === 0 && (inclusive ? r < fromResidue : r <= fromResidue)) continue;
        if (k === n && group.residueUs > fromResidue) continue;
        return base + r;
      }
    }
    return null;
  }
}
