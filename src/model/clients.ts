import type { Simulation } from '../engine/simulation.js';
import { deriveStream, type RandomStream } from '../rng/stream.js';
import type { ResolvedValidator, TypedInput } from '../scenario/types.js';
import { PRIORITY, type PosServer } from './server.js';

const NOT_CONNECTED = 0;
const CONNECTED = 1;
const DONE = 2;

/**
 * The simulated clients (the people at `nc localhost 9090`). Each has at most one
 * pending input event: connect, the next BPM line, or closing the connection. A client
 * whose next line would come at or after its leave time closes instead.
 */
export class ClientDriver {
  private readonly state: Uint8Array;
  private readonly submissionsTyped: Float64Array;
  private readonly nextSubmissionUs: Float64Array;
  /** Created on first use: only Poisson gaps and uniform BPMs draw after resolution. */
  private readonly streams: Array<RandomStream | undefined>;
  private readonly inputId: number;
  /** Lane of each periodic client (one lane per interval), -1 for the others. */
  private readonly laneOf: Int32Array;
  private active: number;

  constructor(
    private readonly sim: Simulation,
    private readonly server: PosServer,
    private readonly clients: readonly ResolvedValidator[],
    private readonly seed: number,
  ) {
    const n = clients.length;
    this.state = new Uint8Array(n);
    this.submissionsTyped = new Float64Array(n);
    this.nextSubmissionUs = new Float64Array(n);
    this.streams = new Array<RandomStream | undefined>(n);
    this.active = n;
    this.inputId = sim.register((c) => this.onInput(c));
    this.laneOf = this.assignLanes();
    clients.forEach((client, c) => sim.schedule(client.connectUs, PRIORITY.clientInput, this.inputId, c));
    if (n === 0) server.noMoreInput();
  }

  private onInput(c: number): void {
    const client = this.clients[c] as ResolvedValidator;
    const now = this.sim.now;
    if (this.state[c] === NOT_CONNECTED) {
      if (!this.server.connect(c, client.balance)) return this.finish(c);
      this.state[c] = CONNECTED;
      this.nextSubmissionUs[c] = this.firstSubmission(c, client);
    } else if (client.leaveUs !== null && now >= client.leaveUs) {
      this.server.disconnect(c);
      return this.finish(c);
    } else {
      const k = this.submissionsTyped[c] as number;
      this.submissionsTyped[c] = k + 1;
      if (!this.server.submit(c, this.bpmLine(c, client, k))) return this.finish(c);
      this.nextSubmissionUs[c] = this.followingSubmission(c, client, k + 1, now);
    }
    const next = this.nextSubmissionUs[c] as number;
    const leaving = client.leaveUs !== null && client.leaveUs <= next;
    const at = leaving ? (client.leaveUs as number) : next;
    if (at === Infinity) return this.finish(c);
    // A lane keeps periodic submitters off the heap, in exactly the order the heap would give.
    const lane = leaving ? -1 : (this.laneOf[c] as number);
    if (lane >= 0 && this.sim.laneAccepts(lane, at)) this.sim.scheduleInLane(lane, at, c);
    else this.sim.schedule(at, PRIORITY.clientInput, this.inputId, c);
  }

  /** Periodic submitters fire in the same order every period, so each interval gets a FIFO lane. */
  private assignLanes(): Int32Array {
    const byInterval = new Map<number, number>();
    return Int32Array.from(this.clients, (client) => {
      const plan = client.submissions;
      if (plan.kind !== 'every') return -1;
      let lane = byInterval.get(plan.intervalUs);
      if (lane === undefined) {
        lane = this.sim.createLane(PRIORITY.clientInput, this.inputId);
        byInterval.set(plan.intervalUs, lane);
      }
      return lane;
    });
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
    let s = this.streams[c];
    if (!s) {
      s = deriveStream(this.seed, 'client', (this.clients[c] as ResolvedValidator).id);
      this.streams[c] = s;
    }
    return s;
  }

  private finish(c: number): void {
    this.state[c] = DONE;
    if (--this.active === 0) this.server.noMoreInput();
  }
}
