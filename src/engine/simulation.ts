import { EventQueue, type PoppedEvent } from './event-queue.js';

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
    return this.queue.peekTime();
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
    if (!Number.isInteger(priority) || priority < 0 || priority >= MAX_PRIORITY) {
      throw new RangeError(`Simulation.schedule: priority must be an integer in [0, ${MAX_PRIORITY}), got ${priority}`);
    }
    this.queue.push(time, priority * SEQUENCE_SPAN + this.sequence++, handlerId, arg);
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
    const ev = this.popped;
    while (!this.stopped && queue.size > 0 && queue.peekTime() < until) {
      queue.pop(ev);
      this.current = ev.time;
      this.processed++;
      (handlers[ev.handler] as EventHandler)(ev.arg);
    }
    if (!this.stopped && until !== Infinity && until > this.current) this.current = until;
  }
}
