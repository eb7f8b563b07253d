/**
 * CPython's global interpreter lock, on a virtual clock: one thread runs Python at a
 * time; a thread that waits for it forces a switch once it has waited the switch
 * interval (`sys.getswitchinterval()`, 5 ms) with no switch; blocking (a sleep, a
 * socket read, a lock held by another thread) releases it. Knows nothing of PoS: the
 * costed server (costed-server.ts) describes its threads as lists of steps.
 *
 * Order: CPython leaves the choice of the next holder to the OS. Here a forced switch
 * hands the GIL to the thread that has waited longest (threads that become runnable at
 * the same instant queue in the order the clock ran their wake-ups, its fixed
 * same-instant order). When a thread gives the GIL up by blocking, a thread that was
 * switched out of a spin (a busy loop, still running on its CPU) takes it back with
 * one chance in n, n the threads waiting (`pickWaiter`, a seeded draw): otherwise the
 * longest waiter. Without `pickWaiter`, always the longest waiter. This is what makes a
 * spinning thread slow every other one down (the convoy effect): each time it retakes
 * the GIL, the others wait one more switch interval.
 *
 * A hand-off is not instant: the released GIL's next holder must be woken and put on a
 * CPU by the OS, among every other thread that waits (`handoffUs`, given the number
 * waiting). Nobody holds the GIL meanwhile.
 */

/** A `threading.Lock`: its owner, and the threads blocked on it, first come first served. */
export class Mutex {
  owner: GilThread | null = null;
  readonly waiters: GilThread[] = [];
}

export type Step =
  /** Python work of `us` µs. `atomic`: one C call (json.dumps) that no switch interrupts. */
  | { readonly kind: 'cpu'; us: number; readonly atomic?: boolean }
  /** A loop that runs until the thread loses the GIL (then the step is over). */
  | { readonly kind: 'spin' }
  | { readonly kind: 'acquire'; readonly lock: Mutex }
  | { readonly kind: 'release'; readonly lock: Mutex }
  /** Gives the GIL away if another thread waits for it (a switch already requested). */
  | { readonly kind: 'yield' }
  /** Runs `effect` at once; the steps it returns run next. */
  | { readonly kind: 'do'; readonly effect: () => Step[] | void };

export interface GilThread {
  readonly name: string;
  steps: Step[];
  /** When it started waiting for the GIL. */
  waitingSinceUs: number;
  /** Switched out of a spin: still running on its CPU, it retakes a GIL given up by a blocking thread first. */
  spunOut?: boolean;
}

export interface GilClock {
  readonly nowUs: number;
  /** Runs `event` at `timeUs` (>= now), after everything already due at that instant. */
  at(timeUs: number, event: () => void): void;
}

export const cpu = (us: number, atomic = false): Step => ({ kind: 'cpu', us, atomic });
export const act = (effect: () => Step[] | void): Step => ({ kind: 'do', effect });
export const acquire = (lock: Mutex): Step => ({ kind: 'acquire', lock });
export const release = (lock: Mutex): Step => ({ kind: 'release', lock });

export class Gil {
  private holder: GilThread | null = null;
  private holderSinceUs = 0;
  private readonly runnable: GilThread[] = [];
  /** Invalidates the end planned for the holder's current step when a waiter moves it earlier. */
  private plan = 0;
  private planEndUs = Infinity;
  private planStartUs = 0;
  /** Total time the GIL was held, µs (for tests and the conformance notes). */
  busyUs = 0;
  /** Between a release and the next holder's start (see handoffUs): a thread becoming runnable queues. */
  private handingOff = false;

  constructor(
    private readonly clock: GilClock,
    readonly switchIntervalUs: number,
    /** A uniform draw in [0, n): after a blocking release the spinner retakes the GIL when it draws 0 (one chance among the n waiters). */
    private readonly pickWaiter?: (n: number) => number,
    /** µs from a release to the next holder's start, with n threads waiting (whole µs); without it, none. */
    private readonly handoffUs?: (n: number) => number,
  ) {
    if (!(switchIntervalUs > 0)) throw new RangeError(`Gil: the switch interval must be > 0, got ${switchIntervalUs}`);
  }

  /**
   * A thread that is runnable now, with its steps.
   * @param owning a lock it holds from the start (`Thread.start()`'s handshake: the parent waits on it until the child releases it)
   */
  start(name: string, steps: Step[], owning?: Mutex): GilThread {
    const thread: GilThread = { name, steps, waitingSinceUs: this.clock.nowUs };
    if (owning !== undefined) owning.owner = thread;
    this.makeRunnable(thread);
    return thread;
  }

  get waiting(): number {
    return this.runnable.length;
  }

  private makeRunnable(thread: GilThread): void {
    thread.waitingSinceUs = this.clock.nowUs;
    this.runnable.push(thread);
    if (this.holder === null) {
      if (!this.handingOff) this.dispatch();
    } else if (this.runnable.length === 1) this.replanHolder();
  }

  /** The first waiter gets the GIL (after a blocking thread gave it up: a thread switched out of a spin, if one waits). */
  private dispatch(afterBlocking = false): void {
    // Not during a hand-off: a thread that gives the GIL up the instant it gets it starts one.
    while (this.holder === null && !this.handingOff) {
      const spinner = afterBlocking ? this.runnable.findIndex((t) => t.spunOut === true) : -1;
      const retakes = spinner > 0 && this.pickWaiter !== undefined && this.pickWaiter(this.runnable.length) === 0;
      const next = retakes ? (this.runnable.splice(spinner, 1)[0] as GilThread) : this.runnable.shift();
      if (next === undefined) return;
      next.spunOut = false;
      this.holder = next;
      this.holderSinceUs = this.clock.nowUs;
      this.execute(next);
    }
  }

  /** Runs the holder's steps until it blocks, waits for a timed step, or ends. */
  private execute(thread: GilThread): void {
    for (;;) {
      const step = thread.steps[0];
      if (step === undefined) return this.letGo();
      switch (step.kind) {
        case 'do': {
          thread.steps.shift();
          const more = step.effect();
          if (more) thread.steps.unshift(...more);
          break;
        }
        case 'acquire':
          if (step.lock.owner === null) {
            step.lock.owner = thread;
            thread.steps.shift();
            break;
          }
          thread.steps.shift();
          step.lock.waiters.push(thread);
          return this.letGo();
        case 'release': {
          thread.steps.shift();
          if (step.lock.owner !== thread) throw new Error(`Gil: ${thread.name} releases a lock it does not hold`);
          const next = step.lock.waiters.shift() ?? null;
          step.lock.owner = next;
          if (next !== null) this.makeRunnable(next);
          break;
        }
        case 'yield':
          thread.steps.shift();
          if (this.runnable.length > 0) return this.preempt(thread);
          break;
        case 'cpu':
          if (step.us <= 0) {
            thread.steps.shift();
            break;
          }
          return this.planHolder();
        case 'spin':
          return this.planHolder();
      }
    }
  }

  /** When the holder's current timed step ends: its own end, or the switch a waiter forces. */
  private planHolder(): void {
    const thread = this.holder as GilThread;
    const step = thread.steps[0] as Step;
    const now = this.clock.nowUs;
    const ownEnd = step.kind === 'cpu' ? now + step.us : Infinity;
    const forced = step.kind === 'cpu' && step.atomic ? Infinity : this.forcedSwitchUs();
    const endUs = Math.min(ownEnd, forced);
    const plan = ++this.plan;
    this.planStartUs = now;
    this.planEndUs = endUs;
    if (endUs === Infinity) return; // a spin with nobody waiting: nothing happens until someone does
    this.clock.at(endUs, () => {
      if (plan !== this.plan) return;
      this.stepTimeUp(thread, endUs);
    });
  }

  /** A waiter arrived: the holder's timed step may now end earlier, at the forced switch. */
  private replanHolder(): void {
    const thread = this.holder as GilThread;
    const step = thread.steps[0];
    if (step === undefined || (step.kind !== 'cpu' && step.kind !== 'spin')) return;
    if (step.kind === 'cpu' && step.atomic) return;
    const forced = this.forcedSwitchUs();
    if (forced >= this.planEndUs) return;
    if (step.kind === 'cpu') step.us -= this.clock.nowUs - this.planStartUs;
    this.busyUs += this.clock.nowUs - this.planStartUs;
    this.planStartUs = this.clock.nowUs;
    const plan = ++this.plan;
    this.planEndUs = forced;
    this.clock.at(forced, () => {
      if (plan !== this.plan) return;
      this.stepTimeUp(thread, forced);
    });
  }

  private forcedSwitchUs(): number {
    const first = this.runnable[0];
    return first === undefined ? Infinity : Math.max(this.holderSinceUs, first.waitingSinceUs) + this.switchIntervalUs;
  }

  private stepTimeUp(thread: GilThread, endUs: number): void {
    const step = thread.steps[0] as Step;
    this.busyUs += endUs - this.planStartUs;
    if (step.kind === 'cpu') {
      step.us -= endUs - this.planStartUs;
      if (step.us <= 0) {
        thread.steps.shift();
        return this.execute(thread);
      }
    } else {
      thread.steps.shift(); // the spin ends when the thread loses the GIL
      thread.spunOut = true;
    }
    this.preempt(thread);
  }

  /** The holder goes to the back of the queue; the first waiter runs. */
  private preempt(thread: GilThread): void {
    this.holder = null;
    this.plan++;
    thread.waitingSinceUs = this.clock.nowUs;
    this.runnable.push(thread);
    this.handOver(false);
  }

  /** The holder blocks or ends: the GIL goes to the first waiter. */
  private letGo(): void {
    this.holder = null;
    this.plan++;
    this.handOver(true);
  }

  /** The next holder starts once the hand-off's time, for the threads waiting now, has passed. */
  private handOver(afterBlocking: boolean): void {
    const delayUs = this.handoffUs === undefined || this.runnable.length === 0 ? 0 : this.handoffUs(this.runnable.length);
    if (delayUs <= 0) return this.dispatch(afterBlocking);
    this.handingOff = true;
    this.clock.at(this.clock.nowUs + delayUs, () => {
      this.handingOff = false;
      this.dispatch(afterBlocking);
    });
  }
}
