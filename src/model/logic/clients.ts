import type { Simulation } from '../../engine/simulation.js';
import { deriveStream, type RandomStream } from '../../rng/stream.js';
import type { ResolvedValidator, TypedInput } from '../../scenario/types.js';
import {
  MEMBER_CONNECTED,
  MEMBER_DONE,
  PeriodicSubmitters,
  type PeriodicMembers,
  type RunTypist,
} from './periodic-submitters.js';
import { PRIORITY } from './server.js';
import type { ServerInput } from './server-input.js';

const NOT_CONNECTED = 0;
const CONNECTED = MEMBER_CONNECTED;
const DONE = MEMBER_DONE;

export interface ClientDriverOptions {
  /**
   * Periodic clients' lines go through one {@link PeriodicSubmitters} per interval
   * (the default), or (false) one heap event each, like every other client: the slow
   * path the tests compare the fast one against.
   */
  readonly periodicInBulk?: boolean;
  /** Bulk clients type in runs where they can (the default), or (false) one line at a time. */
  readonly periodicRuns?: boolean;
}

/** The members of one interval's batch source, filled in connection order (see {@link ClientDriver.addPeriodicSources}). */
interface IntervalColumns {
  readonly connections: Int32Array;
  readonly firstUs: Float64Array;
  filled: number;
}

/**
 * The simulated clients (the people at `nc localhost 9090`). Each has at most one
 * pending event on the heap: connect, the next line, or closing the connection; a
 * client whose next line would come at or after its leave time closes instead.
 * Clients that type at a fixed interval have only their connect and close on the
 * heap: their lines come from a batch source. Client input of the same instant runs
 * in connection order (the connection number is the events' order key).
 */
export class ClientDriver {
  private readonly state: Uint8Array;
  /**
   * Lines typed and the next line's time, per client, made at first use: clients in bulk
   * that type one constant integer need neither (15 MB at a million).
   */
  private submissionsTypedColumn: Float64Array | null = null;
  private nextSubmissionUsColumn: Float64Array | null = null;
  /** Created on first use: only Poisson gaps and uniform BPMs draw after resolution. */
  private readonly streams = new Map<number, RandomStream>();
  private readonly inputId: number;
  /** 1 for clients whose lines come from a batch source. */
  private readonly inBulk: Uint8Array;
  /**
   * A bulk client's BPM when it always types the same integer, else NaN: its line is
   * then its plan's one entry (for runs of lines, and see {@link typeBulkLine}).
   */
  private readonly constantBpm: Float64Array;
  private active: number;
  private readonly runsAllowed: boolean;
  /** `state` with a count of its changes, for the batch sources. */
  private readonly states: { of: Uint8Array; version: number };

  constructor(
    private readonly sim: Simulation,
    private readonly server: ServerInput,
    private readonly clients: readonly ResolvedValidator[],
    private readonly seed: number,
    options: ClientDriverOptions = {},
  ) {
    const n = clients.length;
    this.state = new Uint8Array(n);
    this.states = { of: this.state, version: 0 };
    this.inBulk = new Uint8Array(n);
    this.constantBpm = new Float64Array(n).fill(NaN);
    this.active = n;
    this.runsAllowed = options.periodicRuns ?? true;
    this.inputId = sim.register((c) => this.onInput(c));
    if (options.periodicInBulk ?? true) this.addPeriodicSources();
    this.scheduleConnects();
    if (n === 0) server.noMoreInput();
  }

  /**
   * Connects go on the heap a chain at a time: the first client of each run of clients
   * whose connect times do not decrease, the next one when it connects (at its own
   * time, and by connection number within an instant, as if it had waited on the heap
   * all along). The default schedule puts a million clients a µs apart: one chain, not
   * a million heap entries.
   */
  private scheduleConnects(): void {
    let previousUs = Infinity;
    for (let c = 0; c < this.clients.length; c++) {
      const connectUs = (this.clients[c] as ResolvedValidator).connectUs;
      if (connectUs < previousUs) this.scheduleInput(connectUs, c);
      previousUs = connectUs;
    }
  }

  /** At client c's connect: the next client's connect, if it chains on this one (see {@link scheduleConnects}). */
  private scheduleNextConnect(c: number, connectUs: number): void {
    const next = this.clients[c + 1];
    if (next !== undefined && next.connectUs >= connectUs) this.scheduleInput(next.connectUs, c + 1);
  }

  private scheduleInput(timeUs: number, c: number): void {
    this.sim.schedule(timeUs, PRIORITY.clientInput, this.inputId, c, c);
  }

  private onInput(c: number): void {
    const client = this.clients[c] as ResolvedValidator;
    const now = this.sim.now;
    if (this.state[c] === NOT_CONNECTED) {
      this.scheduleNextConnect(c, client.connectUs);
      if (!this.server.connect(c, client.balance)) return this.finish(c);
      this.state[c] = CONNECTED;
      this.states.version++;
      const firstUs = this.firstSubmission(c, client);
      if (this.inBulk[c]) return this.scheduleLeaveBefore(c, firstUs);
      this.nextSubmissionUs[c] = firstUs;
    } else if (client.leaveUs !== null && now >= client.leaveUs) {
      this.server.disconnect(c);
      return this.finish(c);
    } else {
      if (!this.typeLine(c)) return;
      this.nextSubmissionUs[c] = this.followingSubmission(c, client, this.submissionsTyped[c] as number, now);
    }
    const next = this.nextSubmissionUs[c] as number;
    const at = client.leaveUs !== null && client.leaveUs <= next ? client.leaveUs : next;
    if (at === Infinity) return this.finish(c);
    this.scheduleInput(at, c);
  }

  private get submissionsTyped(): Float64Array {
    return (this.submissionsTypedColumn ??= new Float64Array(this.clients.length));
  }

  private get nextSubmissionUs(): Float64Array {
    return (this.nextSubmissionUsColumn ??= new Float64Array(this.clients.length));
  }

  /** The client types its next BPM line now. Returns whether its session goes on. */
  private typeLine(c: number): boolean {
    const k = this.submissionsTyped[c] as number;
    this.submissionsTyped[c] = k + 1;
    if (this.server.submitLine(c, this.bpmLine(c, this.clients[c] as ResolvedValidator, k))) return true;
    this.finish(c);
    return false;
  }

  /**
   * {@link typeLine} for a bulk client, cut to the bone for the common case (the same
   * integer every time): this runs once per simulated submission.
   */
  private typeBulkLine(c: number, intervalUs: number): void {
    // A constant BPM needs no count of lines typed (nor does a run of them keep one), and int() always takes it.
    if (!Number.isNaN(this.constantBpm[c])) this.server.submitLine(c, this.bpmLine(c, this.clients[c] as ResolvedValidator, 0));
    else if (!this.typeLine(c)) return;
    this.scheduleLeaveBefore(c, this.sim.now + intervalUs);
  }

  /**
   * A bulk client's close goes on the heap when its next line would come at or after
   * it, the moment the one-event-per-line path would schedule it too.
   */
  private scheduleLeaveBefore(c: number, nextLineUs: number): void {
    const leaveUs = (this.clients[c] as ResolvedValidator).leaveUs;
    if (leaveUs !== null && leaveUs <= nextLineUs) this.scheduleInput(leaveUs, c);
  }

  /** One batch source per interval, for every client that types at a fixed interval. */
  private addPeriodicSources(): void {
    // Loops, not forEach: a callback would put these in this call's closure context,
    // which the sources' callbacks below keep alive for the whole run. Columns are
    // counted, then filled: growing a million-entry array per column cost more.
    const n = this.clients.length;
    const intervalOf = new Float64Array(n);
    const firstUsOf = new Float64Array(n);
    const membersOf = new Map<number, number>();
    for (let c = 0; c < n; c++) {
      const client = this.clients[c] as ResolvedValidator;
      const plan = client.submissions;
      if (plan.kind !== 'every') continue;
      this.inBulk[c] = 1;
      this.server.declarePeriodic(c, plan.intervalUs);
      const bpm = client.bpm;
      const only = bpm.kind === 'cycle' && bpm.entries.length === 1 ? bpm.entries[0] : undefined;
      if (only?.kind === 'int') this.constantBpm[c] = only.value;
      intervalOf[c] = plan.intervalUs;
      firstUsOf[c] = client.connectUs + plan.phaseUs;
      membersOf.set(plan.intervalUs, (membersOf.get(plan.intervalUs) ?? 0) + 1);
    }
    const byInterval = new Map<number, IntervalColumns>();
    for (const [intervalUs, count] of membersOf) byInterval.set(intervalUs, { connections: new Int32Array(count), firstUs: new Float64Array(count), filled: 0 });
    for (let c = 0; c < n; c++) {
      if (this.inBulk[c] !== 1) continue;
      const columns = byInterval.get(intervalOf[c] as number) as IntervalColumns;
      columns.connections[columns.filled] = c;
      columns.firstUs[columns.filled++] = firstUsOf[c] as number;
    }
    for (const [intervalUs, { connections, firstUs }] of byInterval) {
      const members = { connections, firstUs };
      const source = new PeriodicSubmitters(
        this.sim,
        intervalUs,
        members,
        this.states,
        PRIORITY.clientInput,
        (c) => this.typeBulkLine(c, intervalUs),
        this.runTypist(intervalUs, members),
      );
      this.sim.addSource(source);
    }
  }

  /**
   * Members that all type one constant integer can type in runs, up to one interval
   * before the first of them leaves: from then on each line may schedule its close
   * (see {@link typeBulkLine}), which must bound the batch it comes in.
   */
  private runTypist(intervalUs: number, members: PeriodicMembers): RunTypist | null {
    const { connections } = members;
    if (!this.runsAllowed || connections.some((c) => Number.isNaN(this.constantBpm[c]))) return null;
    const earliestLeaveUs = connections.reduce((a, c) => Math.min(a, (this.clients[c] as ResolvedValidator).leaveUs ?? Infinity), Infinity);
    const bpm = this.constantBpm;
    return {
      untilUs: earliestLeaveUs - intervalUs,
      typeRun: (run) => this.server.submitRun(run, bpm),
      linesBeforeSteady: this.server.linesBeforeSteady(intervalUs),
    };
  }

  private firstSubmission(c: number, client: ResolvedValidator): number {
    const plan = client.submissions;
    switch (plan.kind) {
      case 'every':
        return client.connectUs + plan.phaseUs;
      case 'poisson':
        return client.connectUs + this.poissonGap(c, plan.ratePerSecond);
      case 'at':
        return plan.timesUs[0] ?? Infinity;
      case 'none':
        return Infinity;
    }
  }

  /** Time of submission number `k` (0-based), the previous one having been at `previousUs`. */
  private followingSubmission(c: number, client: ResolvedValidator, k: number, previousUs: number): number {
    const plan = client.submissions;
    switch (plan.kind) {
      case 'every':
        return client.connectUs + plan.phaseUs + k * plan.intervalUs;
      case 'poisson':
        return previousUs + this.poissonGap(c, plan.ratePerSecond);
      case 'at':
        return plan.timesUs[k] ?? Infinity;
      case 'none':
        return Infinity;
    }
  }

  /** Exponential gap by inversion, rounded to the microsecond. */
  private poissonGap(c: number, ratePerSecond: number): number {
    const u = 1 - this.stream(c).nextDouble(); // in (0, 1]
    return Math.round((-Math.log(u) / ratePerSecond) * 1e6);
  }

  private bpmLine(c: number, client: ResolvedValidator, k: number): TypedInput {
    const plan = client.bpm;
    if (plan.kind === 'cycle') return plan.entries[k % plan.entries.length] as TypedInput;
    return { kind: 'int', value: plan.min + this.stream(c).nextIntBelow(plan.max - plan.min + 1) };
  }

  private stream(c: number): RandomStream {
    let s = this.streams.get(c);
    if (!s) {
      s = deriveStream(this.seed, 'client', (this.clients[c] as ResolvedValidator).id);
      this.streams.set(c, s);
    }
    return s;
  }

  private finish(c: number): void {
    this.state[c] = DONE;
    this.states.version++;
    if (--this.active === 0) this.server.noMoreInput();
  }
}
