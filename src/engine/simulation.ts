import type { BatchSource } from './batch-source.js';
import { EventQueue, type PoppedEvent } from './event-queue.js';

/** What an event runs: a handler registered once, called with the event's number argument. */
export type EventHandler = (arg: number) => void;

/** Priorities below this bound fit the queue's rank encoding. */
export const MAX_PRIORITY = 4096;
const SEQUENCE_SPAN = 2 ** 40;

/**
 * A discrete-event kernel on a virtual clock in integer microseconds.
 *
 * Events are ordered by (time, rank), rank = (priority, then a tie-breaker): lower
 * priority numbers run first at the same instant; within a priority, events run in
 * the order they were scheduled (FIFO), or by an explicit order key when the caller
 * gives one (see {@link schedule}). Handlers are registered once and events carry a
 * number, so the hot loop allocates nothing. Batch sources ({@link addSource}) are
 * merged with the heap by the same order. The kernel knows nothing of what it
 * simulates and never reads a wall clock: callers that want progress run it in
 * slices with {@link runUntil}.
 */
export class Simulation {
  private readonly queue = new EventQueue();
  private readonly handlerTable: EventHandler[] = [];
  private readonly sources: BatchSource[] = [];
  private readonly popped: PoppedEvent = { time: 0, handler: 0, arg: 0 };
  private sequence = 0;
  private stopped = false;
  private current = 0;
  private processed = 0;
  /** While a source runs a batch: the (time, rank) its items must come before. */
  private boundTime = -Infinity;
  private boundRank = -Infinity;
  /** Set by {@link findNext}: the (time, rank) of the earliest pending event. */
  private nextTime = Infinity;
  private nextRank = Infinity;

  /** The virtual time, µs. */
  get now(): number {
    return this.current;
  }

  /** Events run so far (heap events and entered batch items). */
  get eventsProcessed(): number {
    return this.processed;
  }

  /** True once {@link stop} was called. */
  get isStopped(): boolean {
    return this.stopped;
  }

  /** Time of the next event, Infinity if none. */
  get nextEventTime(): number {
    this.findNext(null);
    return this.nextTime;
  }

  /** The rank an event of `priority` with order key `key` gets (see {@link schedule}). */
  static rankOf(priority: number, key: number): number {
    return priority * SEQUENCE_SPAN + key;
  }

  /** Registers a handler; returns the id to schedule it with. */
  register(handler: EventHandler): number {
    this.handlerTable.push(handler);
    return this.handlerTable.length - 1;
  }

  /**
   * Schedules handler `handlerId` at virtual time `time` (µs, not in the past).
   *
   * @param orderKey ties at the same (time, priority) run by this key instead of in
   *   scheduling order. The caller keeps keys unique among pending events of the
   *   priority, and uses keys for all events of that priority or for none.
   * @throws if time is before now or not an integer, priority is out of range, or the
   *   key is not an integer in [0, 2^40)
   */
  schedule(time: number, priority: number, handlerId: number, arg = 0, orderKey?: number): void {
    if (!(time >= this.current) || !Number.isInteger(time)) {
      throw new RangeError(`Simulation.schedule: time must be an integer >= now (${this.current}), got ${time}`);
    }
    this.checkPriority(priority);
    let key = orderKey;
    if (key === undefined) key = this.sequence++;
    else if (!Number.isInteger(key) || key < 0 || key >= SEQUENCE_SPAN) {
      throw new RangeError(`Simulation.schedule: order key must be an integer in [0, 2^40), got ${key}`);
    }
    const rank = priority * SEQUENCE_SPAN + key;
    this.queue.push(time, rank, handlerId, arg);
    // An event scheduled during a batch ahead of its bound ends the batch there.
    if (time < this.boundTime || (time === this.boundTime && rank < this.boundRank)) {
      this.boundTime = time;
      this.boundRank = rank;
    }
  }

  /** Adds a batch source, merged with the heap from now on. */
  addSource(source: BatchSource): void {
    this.sources.push(source);
  }

  /**
   * For the source running a batch: true when an item at (time, rank) comes before
   * every other pending event and the end of the current {@link runUntil}, and the
   * run has not been stopped.
   */
  mayRunItem(time: number, rank: number): boolean {
    return !this.stopped && (time < this.boundTime || (time === this.boundTime && rank < this.boundRank));
  }

  /** For the source running a batch: the clock moves to the item's time, which counts as an event. */
  enterItem(time: number): void {
    this.current = time;
    this.processed++;
  }

  /** {@link enterItem} for `count` items at once, the last of them at `lastTime`. */
  enterItems(lastTime: number, count: number): void {
    this.current = lastTime;
    this.processed += count;
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
    this.runEvents(until);
    if (!this.stopped && until !== Infinity && until > this.current) this.current = until;
  }

  /**
   * The loop of {@link runUntil}, alone in its method: nothing follows the loop (see
   * docs/performance.md, "Nothing after a long loop").
   */
  private runEvents(until: number): void {
    const queue = this.queue;
    const handlers = this.handlerTable;
    const ev = this.popped;
    while (!this.stopped) {
      const from = this.findNext(null);
      const time = this.nextTime;
      if (!(time < until)) break;
      if (from === null) {
        this.current = time;
        this.processed++;
        queue.pop(ev);
        (handlers[ev.handler] as EventHandler)(ev.arg);
      } else {
        this.runBatch(from, until);
      }
    }
  }

  /**
   * The earliest of the heap's top and every source's front but `except`'s, by (time,
   * rank), into {@link nextTime}/{@link nextRank}; returns its source, or null for the heap.
   */
  private findNext(except: BatchSource | null): BatchSource | null {
    let time = this.queue.peekTime();
    let rank = time === Infinity ? Infinity : this.queue.peekRank();
    let from: BatchSource | null = null;
    const sources = this.sources;
    for (let i = 0; i < sources.length; i++) {
      const source = sources[i] as BatchSource;
      const t = source.frontTime;
      if (source !== except && (t < time || (t === time && t !== Infinity && source.frontRank < rank))) {
        time = t;
        rank = source.frontRank;
        from = source;
      }
    }
    this.nextTime = time;
    this.nextRank = rank;
    return from;
  }

  /** Lets `source` run everything it has before the next other event (or `until`). */
  private runBatch(source: BatchSource, until: number): void {
    this.findNext(source);
    if (until <= this.nextTime) {
      this.boundTime = until;
      this.boundRank = -Infinity;
    } else {
      this.boundTime = this.nextTime;
      this.boundRank = this.nextRank;
    }
    const frontTime = source.frontTime;
    const frontRank = source.frontRank;
    source.runBatch();
    this.boundTime = -Infinity;
    this.boundRank = -Infinity;
    if (source.frontTime === frontTime && source.frontRank === frontRank && !this.stopped) {
      // It was first in line, so it had to run or skip at least its front item.
      throw new Error(`Simulation: a batch source made no progress at ${frontTime} µs`);
    }
  }

  private checkPriority(priority: number): void {
    if (!Number.isInteger(priority) || priority < 0 || priority >= MAX_PRIORITY) {
      throw new RangeError(`Simulation.schedule: priority must be an integer in [0, ${MAX_PRIORITY}), got ${priority}`);
    }
  }
}
