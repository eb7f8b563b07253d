import { EventQueue, type PoppedEvent } from './event-queue.js';
import { FifoLane } from './fifo-lane.js';

/** What an event runs: a handler registered once, called with the event's number argument. */
export type EventHandler = (arg: number) => void;

/** Priorities below this bound fit the queue's rank encoding. */
export const MAX_PRIORITY = 4096;
const SEQUENCE_SPAN = 2 ** 40;

/**
 * A discrete-event kernel on a virtual clock in integer microseconds.
 *
 * Events are ordered by (time, priority, sequence): lower priority numbers run first
 * at the same instant, and equal (time, priority) run in scheduling order. Handlers are
 * registered once and events carry a number, so the hot loop allocates nothing.
 * It knows nothing of what it simulates, and never reads a wall clock: callers that
 * want progress run it in slices with {@link Simulation.runUntil}.
 */
export class Simulation {
  private readonly queue = new EventQueue();
  private readonly handlerTable: EventHandler[] = [];
  private readonly lanes: FifoLane[] = [];
  private readonly popped: PoppedEvent = { time: 0, handler: 0, arg: 0 };
  private sequence = 0;
  private stopped = false;
  private current = 0;
  private processed = 0;

  /** The virtual time, µs. */
  get now(): number {
    return this.current;
  }

  /** Events run so far. */
  get eventsProcessed(): number {
    return this.processed;
  }

  /** True once {@link stop} was called. */
  get isStopped(): boolean {
    return this.stopped;
  }

  /** Time of the next event, Infinity if none. */
  get nextEventTime(): number {
    let t = this.queue.peekTime();
    for (const lane of this.lanes) t = Math.min(t, lane.frontTime);
    return t;
  }

  /** Registers a handler; returns the id to schedule it with. */
  register(handler: EventHandler): number {
    this.handlerTable.push(handler);
    return this.handlerTable.length - 1;
  }

  /**
   * Schedules handler `handlerId` at virtual time `time` (µs, not in the past).
   * @throws if time is before now or not an integer, or priority is out of range
   */
  schedule(time: number, priority: number, handlerId: number, arg = 0): void {
    if (!(time >= this.current) || !Number.isInteger(time)) {
      throw new RangeError(`Simulation.schedule: time must be an integer >= now (${this.current}), got ${time}`);
    }
    this.checkPriority(priority);
    this.queue.push(time, priority * SEQUENCE_SPAN + this.sequence++, handlerId, arg);
  }

  /**
   * A FIFO lane for `handlerId` at `priority`: events scheduled into it must come in
   * non-decreasing time order (see {@link FifoLane}). Returns the lane's id.
   */
  createLane(priority: number, handlerId: number): number {
    this.checkPriority(priority);
    this.lanes.push(new FifoLane(handlerId, priority));
    return this.lanes.length - 1;
  }

  /** True when an event at `time` may go into the lane (no earlier than its last one). */
  laneAccepts(laneId: number, time: number): boolean {
    return time >= (this.lanes[laneId] as FifoLane).lastTime;
  }

  /**
   * Schedules the lane's handler at `time`, ordered exactly as {@link schedule} would.
   * @throws if time is before now, or before the lane's last event
   */
  scheduleInLane(laneId: number, time: number, arg = 0): void {
    const lane = this.lanes[laneId] as FifoLane;
    if (!(time >= this.current) || !Number.isInteger(time) || time < lane.lastTime) {
      throw new RangeError(`Simulation.scheduleInLane: time must be an integer >= now and >= the lane's last time, got ${time}`);
    }
    lane.push(time, lane.priority * SEQUENCE_SPAN + this.sequence++, arg);
  }

  /** Ends the current run after the event being handled. */
  stop(): void {
    this.stopped = true;
  }

  /**
   * Runs events whose time is strictly before `until` (SimPy's convention), or until
   * {@link stop}. Afterwards `now` is `until` if the run reached it. Can be called
   * again with a later bound to continue.
   */
  runUntil(until: number): void {
    const queue = this.queue;
    const handlers = this.handlerTable;
    const lanes = this.lanes;
    const ev = this.popped;
    while (!this.stopped) {
      // The earliest of the heap's top and every lane's front, by (time, rank).
      let time = queue.peekTime();
      let rank = time === Infinity ? Infinity : queue.peekRank();
      let from: FifoLane | null = null;
      for (let i = 0; i < lanes.length; i++) {
        const lane = lanes[i] as FifoLane;
        const t = lane.frontTime;
        if (t < time || (t === time && t !== Infinity && lane.frontRank < rank)) {
          time = t;
          rank = lane.frontRank;
          from = lane;
        }
      }
      if (!(time < until)) break;
      this.current = time;
      this.processed++;
      if (from === null) {
        queue.pop(ev);
        (handlers[ev.handler] as EventHandler)(ev.arg);
      } else {
        (handlers[from.handler] as EventHandler)(from.popArg());
      }
    }
    if (!this.stopped && until !== Infinity && until > this.current) this.current = until;
  }

  private checkPriority(priority: number): void {
    if (!Number.isInteger(priority) || priority < 0 || priority >= MAX_PRIORITY) {
      throw new RangeError(`Simulation.schedule: priority must be an integer in [0, ${MAX_PRIORITY}), got ${priority}`);
    }
  }
}
