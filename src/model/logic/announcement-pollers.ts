import { greatestCommonDivisor } from '../counting/integers.js';
import { OpenPeriodicLines } from '../counting/open-periodic-lines.js';
import { PeriodPhase } from '../counting/period-phase.js';
import { PollerGroups } from '../counting/poller-groups.js';

/** Groups reserved per periodic connection (see {@link AnnouncementPollers.declarePeriodic}): at most 3 with the seed's 3 s poll and whole-second intervals. */
const RESERVED_GROUPS_PER_CONNECTION = 8;
/** Spawn-cache entries per connection that has a row (see {@link AnnouncementPollers.recent}). */
const RECENT_PER_CONNECTION = 4;
const NO_RESIDUE = -1;
const NO_GROUP = -1;
const NO_ROW = -1;
/** Spawns a cache entry holds before they are added to their group (its counts are 32-bit). */
const MAX_PENDING_SPAWNS = 2 ** 31 - 1;

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
 * the distinct wake-up points, not the number of threads. Groups ({@link PollerGroups},
 * by id) live in one bucket per millisecond of the period, sorted by (residue,
 * connection), which is both the wake-up order and what a binary search needs. A new
 * group goes to a small unsorted list of its bucket, merged in (equal groups combined)
 * when the bucket is read or the list grows: inserting into a sorted array at every
 * spawn made clients with irregular times (whose every spawn is a new residue) cost
 * quadratic time. The line pollers of an open connection that types at a fixed
 * interval with a short cycle are held apart, one entry per connection
 * ({@link OpenPeriodicLines}); they become groups when it closes.
 *
 * Same-instant order: a poller spawned by client input polls before the lottery of
 * that instant; pollers waking from sleep poll after it, by connection number.
 */
export class AnnouncementPollers {
  private readonly periodUs: number;
  private readonly groups = new PollerGroups();
  /** Group ids per millisecond of the period, in wake-up order. */
  private readonly buckets: number[][];
  /** Per bucket, groups added since it was last sorted (see {@link sortedBucket}). */
  private readonly unsorted: Array<number[] | undefined>;
  /**
   * One bit per bucket, set while it holds a group (sorted or not): the next wake-up is
   * a find-first-set over words instead of a walk over empty buckets, which every
   * announcement (every round) made.
   */
  private readonly occupied: Uint32Array;
  private pendingMessages = 0;
  private live = 0;
  private lastWakeUs = -1;
  /**
   * The last few groups each connection spawned into: a client that types at a fixed
   * interval cycles through a handful of residues, so nearly every spawn lands in one
   * of them. Per cached connection, RECENT_PER_CONNECTION pairs (residue, spawns not yet
   * added to the group's count) in 32 bytes (residues are below 2^31 µs); a group's
   * count is brought up to date when its pair is reused and when the connection
   * closes, the only time the count matters (an open connection's pollers never die).
   *
   * Periodic connections (see {@link declarePeriodic}) have no row: their first spawns
   * are at distinct points but for their connect's, and a spawn at a point the
   * connection has already is merged into that group when the bucket is next read.
   * (The cache cost the million bench workload 48 bytes a validator, for nothing.) Rows
   * are laid out at the first spawn or close ({@link rowOf}), after the declarations.
   */
  private recent: Int32Array = new Int32Array(0);
  private recentGroup: Int32Array = new Int32Array(0);
  private recentNext: Uint8Array = new Uint8Array(0);
  /** Per connection, its row of the cache, or NO_ROW (empty if no connection has a row); null until the first spawn. */
  private recentRow: Int32Array | null = null;
  /** Where spawns fall in the poll period. */
  private readonly spawnPhase: PeriodPhase;
  /**
   * Per connection that types at a fixed interval (declared by the clients, see
   * {@link declarePeriodic}): 1 + the number of its interval in {@link intervalsUs}, else
   * 0 (a few intervals for a million connections: 2 bytes each, not 12); and the time of
   * its first line.
   */
  private periodicInterval: Uint16Array | Int32Array;
  /** The declared intervals, and the {@link cycleLength} of each, by number. */
  private readonly intervalsUs: number[] = [];
  private readonly cycles: number[] = [];
  private readonly intervalNumbers = new Map<number, number>();
  private readonly firstPeriodicUs: Float64Array;
  /** The line pollers of open periodic connections with short cycles, one entry per connection. */
  private readonly openLines: OpenPeriodicLines;
  readonly totals: AnnouncementTotals = { delivered: 0, lost: 0 };
  /** Groups the periodic connections declared since the last group was added (see {@link declarePeriodic}). */
  private declaredGroups = 0;

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
    if (periodUs >= 2 ** 31) throw new RangeError(`AnnouncementPollers: period must be below 2^31 µs, got ${periodUs}`);
    this.periodUs = periodUs;
    this.spawnPhase = new PeriodPhase(periodUs);
    this.buckets = Array.from({ length: periodUs / 1000 }, () => []);
    this.unsorted = new Array<number[] | undefined>(periodUs / 1000);
    this.occupied = new Uint32Array(Math.ceil(periodUs / 1000 / 32));
    this.periodicInterval = new Uint16Array(connections);
    this.firstPeriodicUs = new Float64Array(connections);
    this.openLines = new OpenPeriodicLines(periodUs, this.firstPeriodicUs);
  }

  /**
   * The connection will type a line every `intervalUs` from its first on, for as long as
   * it is open: from line {@link cycleLength} on, each line's poller repeats an earlier
   * one's wake-up point ({@link spawnRepeat}), which {@link close} settles.
   */
  declarePeriodic(connection: number, intervalUs: number): void {
    if (this.recentRow !== null) throw new Error('AnnouncementPollers.declarePeriodic: declared after the first spawn or close');
    this.periodicInterval[connection] = 1 + this.intervalNumber(intervalUs);
    const cycle = this.cycleLength(intervalUs);
    const held = this.openLines.declare(connection, intervalUs);
    // Its connect makes a group (seed rules), and its first `cycle` lines one each unless
    // held by openLines until it closes: room for them, made once at the first group. At
    // most a few per connection: an interval of 10.001 s against the 3 s poll has a cycle
    // of 3,000 lines, which a run may never reach.
    this.declaredGroups += 1 + (held ? 0 : Math.min(cycle, RESERVED_GROUPS_PER_CONNECTION));
  }

  /** The poller that the connection's line number `k` (0-based) starts at `nowUs` (every line starts one). */
  spawnForLine(connection: number, k: number, nowUs: number): void {
    if (this.isRepeatSpawn(connection, k)) this.spawnRepeat(connection);
    else {
      if (k === 0) this.firstPeriodicUs[connection] = nowUs;
      if (!this.openLines.holds(connection)) this.spawn(connection, nowUs);
      else {
        this.spawnRepeat(connection);
        this.openLines.spawnLine(connection, k, nowUs);
      }
    }
  }

  /** Whether line `k` of a periodic connection spawns its poller where an earlier line did (see {@link declarePeriodic}). */
  isRepeatSpawn(connection: number, k: number): boolean {
    const interval = this.periodicInterval[connection] as number;
    return interval > 0 && k >= (this.cycles[interval - 1] as number);
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
    const residueUs = this.spawnPhase.residueOf(nowUs);
    const row = this.rowOf(connection);
    if (row === NO_ROW) {
      this.addGroup(connection, residueUs, nowUs);
      return;
    }
    const recent = this.recent;
    const first = row * RECENT_PER_CONNECTION;
    for (let j = 2 * first; j < 2 * (first + RECENT_PER_CONNECTION); j += 2) {
      if (recent[j] === residueUs) {
        if (recent[j + 1] === MAX_PENDING_SPAWNS) this.settleRecent(j >> 1);
        recent[j + 1] = (recent[j + 1] as number) + 1;
        return;
      }
    }
    const next = this.recentNext[row] as number;
    this.recentNext[row] = (next + 1) % RECENT_PER_CONNECTION;
    this.settleRecent(first + next);
    this.recent[2 * (first + next)] = residueUs;
    this.recentGroup[first + next] = this.addGroup(connection, residueUs, nowUs);
  }

  /**
   * A spawn that lands in a group the connection already has. A connection that types
   * every `intervalUs` cycles through {@link cycleLength} residues; once it has spawned
   * that many times, every spawn repeats one it made before. Such a spawn only adds a
   * thread (and polls), with no lookup; the groups' counts are settled by {@link close}.
   */
  spawnRepeat(connection: number): void {
    this.live++;
    if (this.pendingMessages > 0) this.deliver(connection, this.pendingMessages);
  }

  /** `count` {@link spawnRepeat}s while no message waits (so none polls anything). */
  addRepeats(count: number): void {
    if (this.pendingMessages > 0 && count > 0) throw new Error('AnnouncementPollers.addRepeats: messages wait; spawn one by one');
    this.live += count;
  }

  /** How many residues spawns every `intervalUs` cycle through (P / gcd(interval, P)). */
  cycleLength(intervalUs: number): number {
    return this.periodUs / greatestCommonDivisor(this.periodUs, intervalUs % this.periodUs);
  }

  /**
   * The connection closed, having typed `lines` lines: its groups' counts must be whole
   * before its pollers start dying. A periodic connection's lines came at firstUs +
   * k·intervalUs, k < lines, of which those from k = cycle on went through
   * {@link spawnRepeat}.
   */
  close(connection: number, lines: number): void {
    const row = this.rowOf(connection);
    if (row !== NO_ROW) {
      const first = row * RECENT_PER_CONNECTION;
      for (let i = first; i < first + RECENT_PER_CONNECTION; i++) {
        this.settleRecent(i);
        this.recent[2 * i] = NO_RESIDUE;
        this.recentGroup[i] = NO_GROUP;
      }
    }
    const interval = this.periodicInterval[connection] as number;
    if (interval === 0) return;
    const cycle = this.cycles[interval - 1] as number;
    const firstUs = this.firstPeriodicUs[connection] as number;
    const intervalUs = this.intervalsUs[interval - 1] as number;
    const spawns = lines;
    if (this.openLines.holds(connection)) {
      // Its pollers can die now: their groups, made as one per line would have made them.
      const made = this.openLines.release(connection);
      if (made !== Math.min(cycle, spawns)) throw new Error(`AnnouncementPollers.close: connection ${connection} spawned ${made} of its first ${Math.min(cycle, spawns)} lines`);
      for (let j = 0; j < made; j++) {
        const spawnUs = firstUs + j * intervalUs;
        const group = this.addGroup(connection, spawnUs % this.periodUs, spawnUs);
        this.groups.count[group] = 1 + Math.floor((spawns - 1 - j) / cycle);
      }
      return;
    }
    for (let j = 0; j < cycle && j < spawns; j++) {
      // Spawns k = j, j + cycle, j + 2·cycle, ... < spawns share a residue; k = j was counted as it came.
      const repeats = Math.floor((spawns - 1 - j) / cycle);
      const group = this.findGroup(connection, (firstUs + j * intervalUs) % this.periodUs);
      if (group !== NO_GROUP) this.groups.count[group] = (this.groups.count[group] as number) + repeats;
      else if (repeats > 0) throw new Error(`AnnouncementPollers.close: connection ${connection} has no group for its spawn ${j}`);
    }
  }

  /** The number of a declared interval, numbered at its first declaration. */
  private intervalNumber(intervalUs: number): number {
    let number = this.intervalNumbers.get(intervalUs);
    if (number !== undefined) return number;
    number = this.intervalsUs.push(intervalUs) - 1;
    this.cycles.push(this.cycleLength(intervalUs));
    this.intervalNumbers.set(intervalUs, number);
    // More intervals than 2 bytes number: 4 bytes per connection from then on.
    if (number + 1 > 0xffff && this.periodicInterval instanceof Uint16Array) this.periodicInterval = Int32Array.from(this.periodicInterval);
    return number;
  }

  /** The connection's row of the spawn cache, or NO_ROW (see {@link recent}). */
  private rowOf(connection: number): number {
    const rows = this.recentRow ?? this.layOutRows();
    // No rows at all (every connection periodic): no column of NO_ROWs either.
    return rows.length === 0 ? NO_ROW : (rows[connection] as number);
  }

  private layOutRows(): Int32Array {
    const periodic = this.periodicInterval;
    const count = zeros(periodic);
    const rows = count === 0 ? new Int32Array(0) : rowsOfZeros(periodic);
    this.recent = emptyRecentPairs(count * RECENT_PER_CONNECTION);
    this.recentGroup = new Int32Array(count * RECENT_PER_CONNECTION).fill(NO_GROUP);
    this.recentNext = new Uint8Array(count);
    this.recentRow = rows;
    return rows;
  }

  private settleRecent(i: number): void {
    const id = this.recentGroup[i] as number;
    if (id !== NO_GROUP) {
      const group = this.groups.resolve(id);
      this.groups.count[group] = (this.groups.count[group] as number) + (this.recent[2 * i + 1] as number);
    }
    this.recent[2 * i + 1] = 0;
  }

  /**
   * A new group for (residue, connection) in its bucket's unsorted list. If the
   * connection already has a group there, the merge combines them (see
   * {@link PollerGroups.merge}): a search per spawn cost more than it saved, since a
   * client at irregular times nearly always spawns at a new point.
   */
  private addGroup(connection: number, residueUs: number, nowUs: number): number {
    const b = Math.floor(residueUs / 1000);
    if (this.declaredGroups > 0) {
      this.groups.reserve(this.groups.size + this.declaredGroups);
      this.declaredGroups = 0;
    }
    const group = this.groups.add(residueUs, connection, nowUs);
    const added = (this.unsorted[b] ??= []);
    added.push(group);
    this.occupied[b >>> 5] = (this.occupied[b >>> 5] as number) | (1 << (b & 31));
    if (added.length > 16 + (this.buckets[b] as number[]).length / 4) this.sortedBucket(b);
    return group;
  }

  /** Bucket `b` with its unsorted groups merged in. */
  private sortedBucket(b: number): number[] {
    const added = this.unsorted[b];
    if (added === undefined) return this.buckets[b] as number[];
    this.unsorted[b] = undefined;
    // In place: the bucket is the same array, merged.
    return this.groups.merge(this.buckets[b] as number[], added.sort((x, y) => this.groups.compare(x, y)));
  }

  /** The group (residue, connection), or NO_GROUP. */
  private findGroup(connection: number, residueUs: number): number {
    const bucket = this.sortedBucket(Math.floor(residueUs / 1000));
    const found = bucket[this.groups.position(bucket, residueUs, connection)];
    return found !== undefined && this.groups.is(found, residueUs, connection) ? found : NO_GROUP;
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
    const b = Math.floor(residueUs / 1000);
    const bucket = this.sortedBucket(b);
    const groups = this.groups;
    // Held line pollers are all of open connections: the first of them takes every message left.
    const firstHeld = this.openLines.firstAwake(residueUs, nowUs);
    for (let i = 0; i < bucket.length && this.pendingMessages > 0; i++) {
      const group = bucket[i] as number;
      // Groups created this instant already polled at their spawn.
      if (groups.residueUs[group] !== residueUs || groups.createdUs[group] === nowUs) continue;
      const connection = groups.connection[group] as number;
      if (firstHeld !== -1 && connection > firstHeld) break;
      if (isOpen(connection)) {
        this.deliver(connection, this.pendingMessages);
        continue;
      }
      // Each poller of a closed connection takes one message, fails to send it and dies.
      const taken = Math.min(groups.count[group] as number, this.pendingMessages);
      this.pendingMessages -= taken;
      this.totals.lost += taken;
      this.live -= taken;
      groups.count[group] = (groups.count[group] as number) - taken;
      if (groups.count[group] === 0) bucket.splice(i--, 1);
    }
    if (bucket.length === 0) this.occupied[b >>> 5] = (this.occupied[b >>> 5] as number) & ~(1 << (b & 31));
    if (firstHeld !== -1 && this.pendingMessages > 0) this.deliver(firstHeld, this.pendingMessages);
    return this.pendingMessages > 0 ? this.nextWake(nowUs, false) : null;
  }

  private deliver(connection: number, messages: number): void {
    this.totals.delivered += messages;
    this.pendingMessages -= messages;
    this.onDelivered(connection, messages);
  }

  /** Earliest wake-up at or after (or strictly after) `fromUs`, over all groups and held line pollers. */
  private nextWake(fromUs: number, inclusive: boolean): number | null {
    if (this.live === 0) return null;
    const grouped = this.nextGroupWake(fromUs, inclusive);
    const held = this.openLines.nextWake(fromUs, inclusive);
    return grouped === null ? held : held === null ? grouped : Math.min(grouped, held);
  }

  /** Earliest wake-up at or after (or strictly after) `fromUs`, over all groups. */
  private nextGroupWake(fromUs: number, inclusive: boolean): number | null {
    const P = this.periodUs;
    const fromResidue = fromUs % P;
    const base = fromUs - fromResidue;
    const residues = this.groups.residueUs;
    // The rest of this period, from the bucket of fromUs on (buckets hold their groups by residue).
    for (let b = this.nextOccupied(Math.floor(fromResidue / 1000)); b !== -1; b = this.nextOccupied(b + 1)) {
      for (const group of this.sortedBucket(b)) {
        const r = residues[group] as number;
        if (inclusive ? r >= fromResidue : r > fromResidue) return base + r;
      }
    }
    // Else the first group of the next period (at or before fromUs's own residue).
    const b = this.nextOccupied(0);
    return b === -1 ? null : base + P + (residues[this.sortedBucket(b)[0] as number] as number);
  }

  /** The first occupied bucket at or after `from`, or -1. */
  private nextOccupied(from: number): number {
    const words = this.occupied;
    let w = from >>> 5;
    if (w >= words.length) return -1;
    let bits = (words[w] as number) & (-1 << (from & 31));
    while (bits === 0) {
      if (++w === words.length) return -1;
      bits = words[w] as number;
    }
    return (w << 5) + 31 - Math.clz32(bits & -bits);
  }
}

/**
 * `pairs` spawn-cache pairs (residue, pending spawns), each (NO_RESIDUE, 0). A function of
 * its own: nothing follows the loop (docs/performance.md).
 */
function emptyRecentPairs(pairs: number): Int32Array {
  const recent = new Int32Array(2 * pairs);
  for (let j = 0; j < recent.length; j += 2) recent[j] = NO_RESIDUE;
  return recent;
}

/** Per entry, its number among the entries that are 0, or NO_ROW (a loop alone in its function: docs/performance.md). */
function rowsOfZeros(values: Uint16Array | Int32Array): Int32Array {
  const rows = new Int32Array(values.length);
  for (let i = 0, row = 0; i < values.length; i++) rows[i] = values[i] === 0 ? row++ : NO_ROW;
  return rows;
}

/** How many entries are 0 (a loop alone in its function: docs/performance.md). */
function zeros(values: Uint16Array | Int32Array): number {
  let count = 0;
  for (let i = 0; i < values.length; i++) if (values[i] === 0) count++;
  return count;
}
