import type { BatchSource } from '../engine/batch-source.js';
import { Simulation } from '../engine/simulation.js';

/** A client that types a line every `intervalUs` from `firstUs` on, while it is connected. */
export interface PeriodicMember {
  readonly connection: number;
  readonly firstUs: number;
}

/** {@link PeriodicSubmitters}' view of a client's state: only `CONNECTED` ones type, `DONE` ones never again. */
export const MEMBER_CONNECTED = 1;
export const MEMBER_DONE = 2;

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
 */
export class PeriodicSubmitters implements BatchSource {
  frontTime = Infinity;
  frontRank = 0;
  private readonly order: Int32Array;
  private readonly residueUs: Float64Array;
  private readonly firstUs: Float64Array;
  private cycleStartUs: number;
  private position = 0;

  /**
   * @param state each client's state by connection (read, never written here)
   * @param priority the simulation priority of client input
   * @param type called for each line due: the member at `sim.now` types
   */
  constructor(
    private readonly sim: Simulation,
    private readonly intervalUs: number,
    members: readonly PeriodicMember[],
    private readonly state: Uint8Array,
    private readonly priority: number,
    private readonly type: (connection: number) => void,
  ) {
    if (!(intervalUs > 0) || !Number.isInteger(intervalUs)) {
      throw new RangeError(`PeriodicSubmitters: interval must be a positive integer µs, got ${intervalUs}`);
    }
    const residueOf = Float64Array.from(members, (m) => m.firstUs % intervalUs);
    const connectionOf = Int32Array.from(members, (m) => m.connection);
    const sorted = Array.from(members, (_, i) => i).sort(
      (a, b) => (residueOf[a] as number) - (residueOf[b] as number) || (connectionOf[a] as number) - (connectionOf[b] as number),
    );
    this.order = Int32Array.from(sorted, (i) => connectionOf[i] as number);
    this.residueUs = Float64Array.from(sorted, (i) => residueOf[i] as number);
    this.firstUs = Float64Array.from(sorted, (i) => (members[i] as PeriodicMember).firstUs);
    const earliest = this.firstUs.reduce((a, b) => Math.min(a, b), Infinity);
    this.cycleStartUs = earliest - (earliest % intervalUs);
    if (sorted.length > 0) this.setFront();
  }

  runBatch(): void {
    const sim = this.sim;
    const order = this.order;
    const state = this.state;
    const rankBase = Simulation.rankOf(this.priority, 0);
    for (;;) {
      const time = this.frontTime;
      const p = this.position;
      const connection = order[p] as number;
      if (!sim.mayRunItem(time, rankBase + connection)) return;
      // A member's close is a heap event of the same rank, so it runs before a line due at that instant.
      if (state[connection] === MEMBER_CONNECTED && time >= (this.firstUs[p] as number)) {
        sim.enterItem(time);
        this.type(connection);
      }
      if (++this.position === order.length) {
        this.position = 0;
        this.cycleStartUs += this.intervalUs;
        if (this.allDone()) {
          this.frontTime = Infinity;
          return;
        }
      }
      this.setFront();
    }
  }

  private setFront(): void {
    this.frontTime = this.cycleStartUs + (this.residueUs[this.position] as number);
    this.frontRank = Simulation.rankOf(this.priority, this.order[this.position] as number);
  }

  /** Checked once a cycle: the cost is one pass over the members per interval. */
  private allDone(): boolean {
    for (let p = 0; p < this.order.length; p++) if (this.state[this.order[p] as number] !== MEMBER_DONE) return false;
    return true;
  }
}
