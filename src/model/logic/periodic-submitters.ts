import type { BatchSource } from '../../engine/batch-source.js';
import { Simulation } from '../../engine/simulation.js';
import { ascendingOrder } from '../../stats/ascendingOrder.js';

/**
 * Clients that type a line every `intervalUs`, member i from `firstUs[i]` on while it is
 * connected: columns, not an object per member (100,000 members).
 */
export interface PeriodicMembers {
  readonly connections: Int32Array;
  readonly firstUs: Float64Array;
}

/**
 * Members `from` to `to` - 1 of a {@link PeriodicSubmitters}' order, due at
 * `cycleStartUs + residueUs[i]` (those not connected or not started yet do not type).
 * The typist fills in `typed` and `lastTypedUs`, so the source can enter them.
 */
export interface PeriodicRun {
  readonly intervalUs: number;
  readonly connections: Int32Array;
  readonly residueUs: Float64Array;
  readonly firstUs: Float64Array;
  cycleStartUs: number;
  from: number;
  to: number;
  /**
   * True when every member is connected and has typed a line in every cycle since its
   * first, at least {@link RunTypist.linesBeforeSteady} in all: then every member
   * types, and its line is like its last.
   */
  steady: boolean;
  typed: number;
  lastTypedUs: number;
}

/**
 * The members in the order their lines come in every cycle: by residue (first line mod
 * `intervalUs`), ties by connection number. Plain loops (TypedArray.from with a map
 * function walks an iterator, an object per member), each alone in its function:
 * nothing follows a long loop (docs/performance.md).
 */
function membersByResidue(members: PeriodicMembers, intervalUs: number): PeriodicMembers & { residueUs: Float64Array } {
  const { connections, firstUs } = members;
  const residueOf = residues(firstUs, intervalUs);
  const order = residueOrder(residueOf, connections);
  const n = connections.length;
  return {
    connections: gather(connections, order, new Int32Array(n)),
    residueUs: gather(residueOf, order, new Float64Array(n)),
    firstUs: gather(firstUs, order, new Float64Array(n)),
  };
}

/** Each time mod `intervalUs`. */
function residues(timesUs: Float64Array, intervalUs: number): Float64Array {
  const residueOf = new Float64Array(timesUs.length);
  for (let i = 0; i < timesUs.length; i++) residueOf[i] = (timesUs[i] as number) % intervalUs;
  return residueOf;
}

/**
 * Positions by residue, ties by connection. Members come in ascending connection order
 * (ClientDriver adds them so) and residues are >= 0, so this is ascendingOrder of the
 * residues, a radix sort: at a million members the comparator sort took about 0.4 s.
 * Otherwise (tests may give any order), {@link residueOrderBySorting}; a test compares the two.
 */
export function residueOrder(residueOf: Float64Array, connections: Int32Array): Int32Array | Uint32Array {
  return ascendingConnections(connections) && nonNegative(residueOf) ? ascendingOrder(residueOf) : residueOrderBySorting(residueOf, connections);
}

/** Plain and slow: a comparator sort. */
export function residueOrderBySorting(residueOf: Float64Array, connections: Int32Array): Int32Array {
  const order = identityOrder(connections.length);
  return order.sort((a, b) => (residueOf[a] as number) - (residueOf[b] as number) || (connections[a] as number) - (connections[b] as number));
}

function ascendingConnections(connections: Int32Array): boolean {
  for (let i = 1; i < connections.length; i++) if (!((connections[i] as number) > (connections[i - 1] as number))) return false;
  return true;
}

function nonNegative(values: Float64Array): boolean {
  for (let i = 0; i < values.length; i++) if (!((values[i] as number) >= 0)) return false;
  return true;
}

/** 0, 1, ..., n - 1. */
function identityOrder(n: number): Int32Array {
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  return order;
}

/** `out[p] = values[order[p]]` for every p; returns `out`. */
function gather<Values extends Int32Array | Float64Array>(values: Values, order: Int32Array | Uint32Array, out: Values): Values {
  for (let p = 0; p < order.length; p++) out[p] = values[order[p] as number] as number;
  return out;
}

/**
 * When the members from a position on all had their first line: the members from
 * `fromPosition[j]` on had theirs in cycles starting by `firstCycleUs[j]` (a member's
 * first cycle starts at `firstUs - residueUs`). Steps: the positions fall as the cycles
 * rise; the last step is from position 0, all members.
 */
interface LaterFirstCycles {
  readonly fromPosition: number[];
  readonly firstCycleUs: number[];
}

/** Steps of {@link LaterFirstCycles} kept: members' first cycles take a few values (connects over a few cycles). */
const MAX_STEPS = 64;

/** The steps of the members' first cycles, or null if there are more than {@link MAX_STEPS}. */
function laterFirstCycles(firstUs: Float64Array, residueUs: Float64Array): LaterFirstCycles | null {
  const steps: LaterFirstCycles = { fromPosition: [], firstCycleUs: [] };
  if (!stepsFromTheLast(firstUs, residueUs, steps)) return null;
  if (steps.firstCycleUs.length > 0) steps.fromPosition.push(0);
  return steps;
}

/** Walks the positions from the last, ending a step where an earlier member's first cycle is later; false once there are too many. */
function stepsFromTheLast(firstUs: Float64Array, residueUs: Float64Array, steps: LaterFirstCycles): boolean {
  let latest = -Infinity;
  for (let p = firstUs.length - 1; p >= 0; p--) {
    const firstCycleUs = (firstUs[p] as number) - (residueUs[p] as number);
    if (firstCycleUs <= latest) continue;
    // The step so far holds from the member after this one.
    if (steps.firstCycleUs.length > 0) steps.fromPosition.push(p + 1);
    steps.firstCycleUs.push(firstCycleUs);
    latest = firstCycleUs;
    if (steps.firstCycleUs.length > MAX_STEPS) return false;
  }
  return true;
}

/** {@link PeriodicSubmitters}' view of a client's state: only `CONNECTED` ones type, `DONE` ones never again. */
export const MEMBER_CONNECTED = 1;
export const MEMBER_DONE = 2;

/**
 * How a source may hand over whole runs of lines: `typeRun` types the line of every
 * member of a run that is connected and has started, and is used only for lines due
 * before `untilUs` (when they can no longer schedule anything, such as a member's
 * close: see {@link PeriodicSubmitters}).
 */
export interface RunTypist {
  readonly typeRun: (run: PeriodicRun) => void;
  readonly untilUs: number;
  /** Lines a member types before its runs may be {@link PeriodicRun.steady} (null: never). */
  readonly linesBeforeSteady: number | null;
}

/** The clients' states by connection, and a count of changes to them. */
export interface MemberStates {
  readonly of: Uint8Array;
  /** Changes whenever a state does: a source looks at its members' states only then. */
  readonly version: number;
}

/**
 * The submissions of every client that types at one fixed interval, as a batch source
 * instead of one heap event per submission.
 *
 * A member's lines come at firstUs + k·interval, so every period sees the members in
 * the same order: by residue (time mod interval), ties by connection number, which is
 * the order the simulation gives client input of the same instant (its order key).
 * One sorted array and a cursor replace the heap; members that are not connected yet,
 * have left or were refused are skipped as the cursor passes them. Connecting and
 * closing stay heap events (of the member's own order key).
 *
 * With a {@link RunTypist}, the lines the simulation lets run are handed over as one
 * {@link PeriodicRun} per batch and cycle (found by binary search, since the order is
 * the simulation's), not one call each: the typist's loop is then the whole cost.
 */
export class PeriodicSubmitters implements BatchSource {
  frontTime = Infinity;
  frontRank = 0;
  private readonly order: Int32Array;
  private readonly residueUs: Float64Array;
  private readonly firstUs: Float64Array;
  private readonly run: PeriodicRun;
  private cycleStartUs: number;
  private position = 0;
  /** Runs of cycles from here on are steady if every member is connected (see {@link PeriodicRun.steady}). */
  private readonly steadyFromUs: number;
  /** Before {@link steadyFromUs}, where the members from a position on are steady (see {@link steadyPositionFrom}); null if never. */
  private readonly laterSteadiness: LaterFirstCycles | null;
  /** Lines a member types before it is steady (see {@link RunTypist.linesBeforeSteady}), or null. */
  private readonly linesBeforeSteady: number | null;
  /** Whether every member is connected, or done, as of states version `statesSeen`. */
  private statesSeen = -1;
  private allConnected = false;
  private allDone = false;

  /**
   * @param states each client's state (read, never written here)
   * @param priority the simulation priority of client input
   * @param type called for each line due: the member at `sim.now` types
   * @param runTypist if given, types runs of lines instead (see {@link RunTypist})
   */
  constructor(
    private readonly sim: Simulation,
    private readonly intervalUs: number,
    members: PeriodicMembers,
    private readonly states: MemberStates,
    private readonly priority: number,
    private readonly type: (connection: number) => void,
    private readonly runTypist: RunTypist | null = null,
  ) {
    if (!(intervalUs > 0) || !Number.isInteger(intervalUs)) {
      throw new RangeError(`PeriodicSubmitters: interval must be a positive integer µs, got ${intervalUs}`);
    }
    const sorted = membersByResidue(members, intervalUs);
    this.order = sorted.connections;
    this.residueUs = sorted.residueUs;
    this.firstUs = sorted.firstUs;
    this.run = {
      intervalUs,
      connections: this.order,
      residueUs: this.residueUs,
      firstUs: this.firstUs,
      cycleStartUs: NaN,
      from: 0,
      to: 0,
      steady: false,
      typed: 0,
      lastTypedUs: NaN, // a double from the start: a field that changes representation deoptimises its readers
    };
    const earliest = this.firstUs.reduce((a, b) => Math.min(a, b), Infinity);
    this.cycleStartUs = earliest - (earliest % intervalUs);
    // A member whose first line falls in the cycle starting at F has typed k lines before the cycle at F + k·interval.
    const latestFirstCycle = this.firstUs.reduce((a, first, p) => Math.max(a, first - (this.residueUs[p] as number)), -Infinity);
    const lines = runTypist?.linesBeforeSteady ?? null;
    this.linesBeforeSteady = lines;
    this.steadyFromUs = lines === null ? Infinity : latestFirstCycle + lines * intervalUs;
    this.laterSteadiness = lines === null ? null : laterFirstCycles(this.firstUs, this.residueUs);
    if (this.order.length > 0) this.setFront();
  }

  runBatch(): void {
    const sim = this.sim;
    const order = this.order;
    const state = this.states.of;
    const rankBase = Simulation.rankOf(this.priority, 0);
    for (;;) {
      const time = this.frontTime;
      const p = this.position;
      if (this.runTypist !== null && time < this.runTypist.untilUs) {
        const to = this.runEnd();
        if (to === p) return;
        this.typeRun(to);
      } else {
        const connection = order[p] as number;
        if (!sim.mayRunItem(time, rankBase + connection)) return;
        // A member's close is a heap event of the same rank, so it runs before a line due at that instant.
        if (state[connection] === MEMBER_CONNECTED && time >= (this.firstUs[p] as number)) {
          sim.enterItem(time);
          this.type(connection);
        }
        this.position++;
      }
      if (this.position === order.length) {
        this.position = 0;
        this.cycleStartUs += this.intervalUs;
        if (this.seeStates().allDone) {
          this.frontTime = Infinity;
          return;
        }
      }
      this.setFront();
    }
  }

  /** The first position from the cursor on (in this cycle) whose line may not run now or in a run. */
  private runEnd(): number {
    const sim = this.sim;
    const until = (this.runTypist as RunTypist).untilUs;
    let lo = this.position;
    let hi = this.order.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const time = this.cycleStartUs + (this.residueUs[mid] as number);
      if (time < until && sim.mayRunItem(time, Simulation.rankOf(this.priority, this.order[mid] as number))) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /**
   * Hands positions [cursor, to) over as one run and enters the lines typed; or only
   * those before the first of this cycle's steady positions, if the run starts before
   * it and reaches it (the rest is then the next run, a steady one).
   */
  private typeRun(runEnd: number): void {
    const run = this.run;
    const from = this.position;
    let to = runEnd;
    let steady = false;
    const steadyFrom = this.steadyPositionFrom(this.cycleStartUs);
    // The states are looked at only if part of the run could be steady: while members still connect, each look may be a pass over them.
    if (steadyFrom < to && this.seeStates().allConnected) {
      if (from >= steadyFrom) steady = true;
      else to = steadyFrom;
    }
    run.cycleStartUs = this.cycleStartUs;
    run.from = from;
    run.to = to;
    run.typed = 0;
    run.steady = steady;
    (this.runTypist as RunTypist).typeRun(run);
    if (run.typed > 0) this.sim.enterItems(run.lastTypedUs, run.typed);
    this.position = to;
  }

  /**
   * The first position from which every member is steady in the cycle starting at
   * `cycleStartUs` (has typed {@link linesBeforeSteady} lines, if connected since its
   * first): 0 from {@link steadyFromUs} on, the member count if none is. Members whose
   * first line came a cycle later are few and early in a cycle (a phase below the
   * connect instant: at the million bench workload, 5% of them, all in the first
   * tenth), and the rest of such a cycle is steady: 0.9 million lines fewer to type one
   * by one there.
   */
  private steadyPositionFrom(cycleStartUs: number): number {
    if (cycleStartUs >= this.steadyFromUs) return 0;
    const later = this.laterSteadiness;
    if (later === null || this.linesBeforeSteady === null) return this.order.length;
    // Members whose first cycle started by then have typed a line in each cycle since.
    const typedSinceUs = cycleStartUs - this.linesBeforeSteady * this.intervalUs;
    let steadyFrom = this.order.length;
    for (let j = 0; j < later.firstCycleUs.length && (later.firstCycleUs[j] as number) <= typedSinceUs; j++) steadyFrom = later.fromPosition[j] as number;
    return steadyFrom;
  }

  /** Brings allConnected and allDone up to date: a pass over the members, only when some state changed. */
  private seeStates(): this {
    const states = this.states;
    if (states.version !== this.statesSeen) {
      this.statesSeen = states.version;
      this.allConnected = this.order.every((c) => states.of[c] === MEMBER_CONNECTED);
      this.allDone = this.order.every((c) => states.of[c] === MEMBER_DONE);
    }
    return this;
  }

  private setFront(): void {
    this.frontTime = this.cycleStartUs + (this.residueUs[this.position] as number);
    this.frontRank = Simulation.rankOf(this.priority, this.order[this.position] as number);
  }
}
