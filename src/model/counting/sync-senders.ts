import { PeriodPhase } from './period-phase.js';
import { RunSenders } from './run-senders.js';

/**
 * The chain-sync sender threads, counted in aggregate.
 *
 * Under the seed's rules every BPM a client types spawns one more sender that writes
 * `json.dumps(chain)` every period P, forever. Simulating each wake-up would cost
 * (threads x wake-ups): quadratic in the run length. Instead, a sender is reduced to
 * its first firing time u = spawn + P, written u = qP + r (0 <= r < P). Its firings
 * before a time x = XP + ρ number
 *   G(x) = max(0, ceil((x - u)/P)) = X - q + [r < ρ]   whenever u < x + P,
 * i.e. for every sender spawned before x; one spawned at or after x (within the same
 * millisecond: windows end at the current time, or at the end of a run rounded down
 * to the ms) has G(x) = 0 where the closed form says -1. Summed over senders,
 *   F(x) = N·X - Σq + #(r < ρ) + (senders spawned at or after x),
 * and the writes in [a, b) are F(b) - F(a): a sender spawned after a adds nothing to
 * F(a), so F(a) is the value computed at the previous window end. #(r < ρ) is exact
 * when ρ is a whole millisecond (the server's timings and jitter are), so residues are
 * counted per millisecond in a Fenwick tree: adding a sender and a prefix count are
 * each about log2(P / 1 ms) steps (15 for 30 s). A prefix count is needed at every
 * round, an add only for lines outside runs. A removed sender (fixed rules) is a
 * sender of weight -1 from its next firing c on, which corrects the same way when
 * c >= x + P (removed at or after x: the closed form says +1 where it adds nothing).
 *
 * A window may also end *through* x ({@link countThrough}), taking the writes at x
 * itself: F'(x) = N·X - Σq + #(r <= ρ). Then every sender was spawned (and removed) at
 * or before x, for which this closed form is exact with no correction; #(r = ρ) is
 * kept per millisecond apart from the tree, for the residues that are whole ms.
 */
export class SyncSenders {
  private readonly periodUs: number;
  /** Net senders per millisecond of the period, by residue r: a Fenwick tree, 1-based. */
  private readonly tree: Float64Array;
  /** Net senders whose residue is exactly a whole millisecond, per millisecond (for {@link countThrough}). */
  private readonly onTheMs: Float64Array;
  /** N and Σq of F(x), weights included. */
  private net = 0;
  private sumPeriods = 0;
  private live = 0;
  /** Where spawns fall in the period. */
  private readonly spawnPhase: PeriodPhase;
  /**
   * The millisecond of the latest add or remove, and within it the adds and the
   * removals whose closed form is off by one at a window ending there (see F(x) above).
   */
  private latestMsUs = 0;
  private addsInLatestMs = 0;
  private lateRemovalsInLatestMs = 0;
  /** Senders added by {@link addRun}, per source (by its residues array). */
  private readonly runSenders = new Map<Float64Array, RunSenders>();
  private readonly runSenderList: RunSenders[] = [];
  private windowStartUs = 0;
  private firingsBeforeWindowStart = 0;
  /** The window starts after the writes at windowStartUs (it was ended by {@link countThrough}). */
  private windowStartsAfter = false;

  constructor(periodUs: number) {
    if (!Number.isInteger(periodUs / 1000) || periodUs <= 0) {
      throw new RangeError(`SyncSenders: period must be a positive whole number of ms, got ${periodUs} µs`);
    }
    this.periodUs = periodUs;
    this.spawnPhase = new PeriodPhase(periodUs);
    this.tree = new Float64Array(periodUs / 1000 + 1);
    this.onTheMs = new Float64Array(periodUs / 1000);
  }

  /** Sender threads alive now. */
  get count(): number {
    return this.live;
  }

  /** A sender spawned at `spawnUs` (not before the previous one) first writes one period later. */
  add(spawnUs: number): void {
    const residueUs = this.spawnPhase.residueOf(spawnUs);
    // u = spawn + P: same residue, one period later.
    this.insert(residueUs, this.spawnPhase.period + 1, 1);
    this.enterMs(spawnUs);
    this.addsInLatestMs++;
    this.live++;
  }

  /** {@link add} for the first `count` of `spawnsUs` (in time order), in one loop. */
  addAll(spawnsUs: Float64Array, count: number): void {
    if (count === 0) return;
    this.sumPeriods += addToHistogram(spawnsUs, count, this.periodUs, this.tree, this.onTheMs);
    this.net += count;
    this.live += count;
    // Only the adds in the last one's millisecond matter to enterMs' count.
    const lastMs = (spawnsUs[count - 1] as number) - ((spawnsUs[count - 1] as number) % 1000);
    let first = count - 1;
    while (first > 0 && (spawnsUs[first - 1] as number) >= lastMs) first--;
    this.enterMs(lastMs);
    this.addsInLatestMs += count - first;
  }

  /** Whether {@link addRun} takes runs at `intervalUs`. */
  acceptsRuns(intervalUs: number): boolean {
    return RunSenders.accepts(intervalUs, this.periodUs);
  }

  /**
   * {@link add} for members [from, to) of a batch source's order, spawning at
   * cycleStartUs + residuesUs[i], counted per run instead of per sender (see
   * {@link RunSenders}). Returns false, having added nothing, for an interval that
   * cannot be counted so: the caller then adds them one by one.
   */
  addRun(residuesUs: Float64Array, intervalUs: number, from: number, to: number, cycleStartUs: number): boolean {
    let senders = this.runSenders.get(residuesUs);
    if (senders === undefined) {
      if (!RunSenders.accepts(intervalUs, this.periodUs)) return false;
      senders = new RunSenders(residuesUs, intervalUs, this.periodUs);
      this.runSenders.set(residuesUs, senders);
      this.runSenderList.push(senders);
    }
    if (from >= to) return true;
    const count = to - from;
    this.sumPeriods += senders.addRun(from, to, cycleStartUs);
    this.net += count;
    this.live += count;
    const lastUs = cycleStartUs + (residuesUs[to - 1] as number);
    const lastMs = lastUs - (lastUs % 1000);
    this.enterMs(lastMs);
    this.addsInLatestMs += senders.countFrom(from, to, cycleStartUs, lastMs);
    return true;
  }

  /** Stops the sender spawned at `spawnUs`, at `nowUs` (used by the fixed rules on disconnect). */
  remove(spawnUs: number, nowUs: number): void {
    const P = this.periodUs;
    const first = spawnUs + P;
    // From its next firing on (one at nowUs itself no longer happens), it counts -1.
    const next = first >= nowUs ? first : first + P * Math.ceil((nowUs - first) / P);
    this.insert(next % P, Math.floor(next / P), -1);
    this.enterMs(nowUs);
    if (next >= this.latestMsUs + P) this.lateRemovalsInLatestMs++;
    this.live--;
  }

  /** Starts counting the adds and removals of a later millisecond. */
  private enterMs(timeUs: number): void {
    const ms = timeUs - (timeUs % 1000);
    if (ms === this.latestMsUs) return;
    this.latestMsUs = ms;
    this.addsInLatestMs = 0;
    this.lateRemovalsInLatestMs = 0;
  }

  /**
   * Counts the writes in [windowStart, endUs) and starts the next window at endUs.
   * @throws if endUs is not a whole millisecond or goes back in time
   */
  countUntil(endUs: number): number {
    const a = this.windowStartUs;
    if (endUs < a || endUs % 1000 !== 0 || endUs < this.latestMsUs) {
      throw new RangeError(
        `SyncSenders.countUntil: end must be a whole ms >= ${Math.max(a, this.latestMsUs)} (window start, latest change), got ${endUs}`,
      );
    }
    // The writes at the start were taken by the window before, which ended through it.
    if (endUs === a && this.windowStartsAfter) return 0;
    const P = this.periodUs;
    const offByOne = endUs === this.latestMsUs ? this.addsInLatestMs - this.lateRemovalsInLatestMs : 0;
    const firings = this.net * Math.floor(endUs / P) - this.sumPeriods + this.prefix(endUs % P) + offByOne;
    return this.endWindow(endUs, firings, false);
  }

  /**
   * Counts the writes in [windowStart, endUs], the writes at endUs included, and starts
   * the next window after them: for a reader that comes after everything of the instant
   * endUs (no sender is added or removed at endUs after it).
   * @throws if endUs is not a whole millisecond or goes back in time
   */
  countThrough(endUs: number): number {
    if (endUs < this.windowStartUs || endUs % 1000 !== 0 || endUs < this.latestMsUs) {
      throw new RangeError(`SyncSenders.countThrough: end must be a whole ms >= ${Math.max(this.windowStartUs, this.latestMsUs)}, got ${endUs}`);
    }
    if (endUs === this.windowStartUs && this.windowStartsAfter) return 0;
    const P = this.periodUs;
    const rho = endUs % P;
    const atRho = (this.onTheMs[rho / 1000] as number) + this.runSendersAt(rho);
    const firings = this.net * Math.floor(endUs / P) - this.sumPeriods + this.prefix(rho) + atRho;
    return this.endWindow(endUs, firings, true);
  }

  private endWindow(endUs: number, firings: number, through: boolean): number {
    const writes = firings - this.firingsBeforeWindowStart;
    this.firingsBeforeWindowStart = firings;
    this.windowStartUs = endUs;
    this.windowStartsAfter = through;
    return writes;
  }

  /** Senders added by runs whose residue is exactly `rhoUs` (integer µs). */
  private runSendersAt(rhoUs: number): number {
    let sum = 0;
    for (const senders of this.runSenderList) sum += senders.countAt(rhoUs);
    return sum;
  }

  private insert(residueUs: number, period: number, weight: number): void {
    this.net += weight;
    this.sumPeriods += weight * period;
    const bucket = Math.floor(residueUs / 1000);
    addToTree(this.tree, bucket, weight);
    if (residueUs === bucket * 1000) this.onTheMs[bucket] = (this.onTheMs[bucket] as number) + weight;
  }

  /** Net senders whose residue is below `residueUs` (a whole ms). */
  private prefix(residueUs: number): number {
    const end = residueUs / 1000;
    let sum = 0;
    for (let i = end; i > 0; i -= i & -i) sum += this.tree[i] as number;
    for (const senders of this.runSenderList) sum += senders.countBelow(residueUs);
    return sum;
  }
}

/**
 * The histogram part of {@link SyncSenders.addAll}: counts each spawn's residue, and
 * returns the sum of their first firings' periods (Σq). A function of its own, with
 * nothing after its loop: V8 kept deoptimising the loop's on-stack-replaced code at
 * the first statement after it.
 */
function addToHistogram(
  spawnsUs: Float64Array,
  count: number,
  periodUs: number,
  tree: Float64Array,
  onTheMs: Float64Array,
): number {
  // The times are in order, so the period moves on rarely: no division per spawn.
  let period = Math.floor((spawnsUs[0] as number) / periodUs);
  let periodStartUs = period * periodUs;
  let sumPeriods = 0;
  for (let i = 0; i < count; i++) {
    let residueUs = (spawnsUs[i] as number) - periodStartUs;
    while (residueUs >= periodUs) {
      period++;
      periodStartUs += periodUs;
      residueUs -= periodUs;
    }
    sumPeriods += period + 1;
    const bucket = Math.floor(residueUs / 1000);
    addToTree(tree, bucket, 1);
    if (residueUs === bucket * 1000) onTheMs[bucket] = (onTheMs[bucket] as number) + 1;
  }
  return sumPeriods;
}

/** Adds `weight` to millisecond `bucket` (0-based) of the Fenwick tree `tree` (1-based). */
function addToTree(tree: Float64Array, bucket: number, weight: number): void {
  for (let i = bucket + 1; i < tree.length; i += i & -i) tree[i] = (tree[i] as number) + weight;
}
