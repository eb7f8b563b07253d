/**
 * The reference server under `timing: costed`: the same threads as server.ts, but each
 * step of Python work takes virtual time on a modelled GIL (gil.ts), `My_Lock` is held
 * for as long as what runs under it, and a handler reads its socket as `recv(8192)`
 * does. Everything the seed decides (pools, draws, blocks, hashes) is server.ts's; this
 * class only decides *when* each of those steps happens.
 *
 * Costs are real µs of pos.py at speed-up 1 (scenario `costs`, defaults measured by
 * conformance/measure_costs.py); a run at `speedup: K` replays the real server with
 * its sleeps K times shorter, so in the seed's seconds every cost weighs K times more.
 *
 * The threads, as pos.py runs them:
 * - handler: a line reaching the socket while the handler waits in recv is read at
 *   once, and the handler queues for the GIL to handle it (lineUs), then waits until
 *   the poller and sync sender it started have each run once (Thread.start()'s
 *   handshake) before its next recv; lines that arrive
 *   while it works are read together by its next recv (quirk 8): two or more lines
 *   are one text int() refuses (an eviction; at the balance prompt, a balance kept as
 *   bytes that kills the lottery at its first draw, quirk 4).
 * - intake: wakes (wakeUs), moves the candidates, sleeps `intake` from then (drift).
 * - lottery: reads temp_blocks under My_Lock; builds the pool, one list entry per
 *   token (ticketUs each, the GIL switching away every interval); prints the winner
 *   (I/O: the GIL goes to a waiting thread); appends the
 *   winner's block under My_Lock; clears temp_blocks under My_Lock, wiping the blocks
 *   the intake added since it read them. `lottery: literal` spins: with temp_blocks
 *   empty it holds the GIL until another thread forces a switch. If My_Lock is held
 *   when it next needs it, it blocks on one of its two acquisitions, the read or the
 *   clear; which one is below the model's resolution and drawn from the seeded stream
 *   `costed/spin` (blocked at the clear, it wipes what the intake added meanwhile).
 * - sync sender: wakes (wakeUs), takes My_Lock, gives the GIL away if anyone waits
 *   for it (a switch is due at the lock's return), then json.dumps the chain
 *   (dumpBlockUs per block, one C call: no switch inside), releases the lock, sleeps
 *   `sync` from then.
 * - poller: wakes (wakeUs), takes or finds no announcement, sleeps `poll` from then.
 * Handing the GIL on takes handoffPerWaiterUs per thread waiting for it (the OS wakes
 * the next holder among them): with hundreds queued, as thread growth makes them at a
 * high speed-up, the queue feeds itself and the server breaks down as the real one does.
 * Every sleep returns late by a draw, uniform in [0, 2 sleepLatencyUs], from the
 * seeded stream `costed/latency`: the drift that decides, at t = 10 s, whether the
 * intake or the lottery wakes first. A client's line (or close) reaches the socket
 * late by a draw uniform in [0, 2 clientSleepLatencyUs] (stream
 * `costed/client-latency`), in the order the client sent them: clients are programs
 * too, which sleep until each line's instant (the conformance harness's do, on the
 * same machine as the server).
 */
import type { ServerObserver } from '../model/logic/server.js';
import type { RandomStream } from '../rng/stream.js';
import type { CostedTiming } from '../scenario/costed-timing.js';
import type { ResolvedScenario, TypedInput } from '../scenario/types.js';
import { acquire, act, cpu, Gil, Mutex, release, type Step } from './gil.js';
import { PRIORITY, ReferenceServer, type Candidate, type ReferenceClock, type ReferenceStreams } from './server.js';

/** What only the costed clock shows, for the conformance table. */
export interface CostedCounters {
  /** Handlers that read two or more BPM lines in one recv and evicted their validator (quirk 8). */
  framingEvictions: number;
  /** Balances read together with a BPM line, kept as bytes (quirk 8, then quirk 4 at the first draw). */
  mergedBalances: number;
  /** Blocks that reached temp_blocks and were cleared without being in any draw's pool. */
  wipedUndrawn: number;
  /** Blocks that reached temp_blocks. */
  reachedTemp: number;
}

/** A connection's handler thread, as its socket sees it. */
interface Handler {
  state: 'accepting' | 'recv' | 'busy' | 'gone';
  /** Lines that reached the socket since its last recv. */
  buffer: TypedInput[];
  /** The client closed the connection (after the buffered lines). */
  closed: boolean;
  /** When the client's latest input reaches the socket, µs: later ones reach it after. */
  lastArrivalUs: number;
}

export class CostedServer extends ReferenceServer {
  readonly costedCounters: CostedCounters = { framingEvictions: 0, mergedBalances: 0, wipedUndrawn: 0, reachedTemp: 0 };
  private readonly gil: Gil;
  private readonly myLock = new Mutex();
  private readonly handlers = new Map<number, Handler>();
  /** Handshake locks of the threads the running handler started (see awaitStarts). */
  private readonly threadsStarting: Mutex[] = [];
  private readonly timing: CostedTiming;
  private intakeStarted = false;
  private lotteryStarted = false;

  constructor(
    scenario: ResolvedScenario,
    clock: ReferenceClock,
    streams: ReferenceStreams,
    observer: ServerObserver,
    startEpochUs: number,
    private readonly spinStream: RandomStream,
    private readonly latencyStream: RandomStream,
    private readonly clientLatencyStream: RandomStream,
  ) {
    super(scenario, clock, streams, observer, startEpochUs);
    if (scenario.costed === undefined) throw new Error('CostedServer: the scenario has no costed timing');
    this.timing = scenario.costed;
    // GIL events run after client input and the periodic wake-ups of their instant.
    this.gil = new Gil(
      { get nowUs() { return clock.nowUs; }, at: (t, e) => clock.schedule(t, PRIORITY.connectionThreads, -1, e) },
      this.virtualUs('switchIntervalUs'),
      (n) => spinStream.nextIntBelow(n),
      (waiting) => this.virtualUs('handoffPerWaiterUs', waiting),
    );
  }

  /** A cost in the seed's virtual µs (whole µs: the clock's resolution). */
  private virtualUs(name: keyof CostedTiming['costs'], times = 1): number {
    return Math.round(this.timing.costs[name] * times * this.timing.speedup);
  }

  // The handler: a socket read by recv(8192)

  override connect(c: number, line: TypedInput): boolean {
    const handler: Handler = { state: 'accepting', buffer: [line], closed: false, lastArrivalUs: 0 };
    this.handlers.set(c, handler);
    this.gil.start(`handler ${c}`, [cpu(this.virtualUs('connectUs')), act(() => this.readBalance(c, handler))]);
    return true;
  }

  private readBalance(c: number, handler: Handler): Step[] | void {
    const lines = handler.buffer.splice(0);
    if (lines.length > 1) this.costedCounters.mergedBalances++;
    if (!super.connect(c, joined(lines))) {
      handler.state = 'gone';
      return;
    }
    return [...this.awaitStarts(), act(() => this.nextRecv(c, handler))];
  }

  override typeLine(c: number, line: TypedInput): boolean {
    const handler = this.handlers.get(c);
    if (handler === undefined || handler.state === 'gone') return false;
    this.arrive(c, handler, () => handler.buffer.push(line));
    return true;
  }

  override close(c: number): void {
    const handler = this.handlers.get(c);
    if (handler === undefined || handler.state === 'gone') return;
    this.arrive(c, handler, () => (handler.closed = true));
  }

  /**
   * The client's input reaches the socket a client's sleep lateness after its instant,
   * and never before its earlier input (one connection, one byte stream); a handler
   * waiting in recv then starts work. Input reaching a handler that has ended is lost.
   */
  private arrive(c: number, handler: Handler, put: () => void): void {
    const lateUs = Math.round(this.clientLatencyStream.nextDouble() * 2 * this.timing.costs.clientSleepLatencyUs * this.timing.speedup);
    const atUs = Math.max(this.clock.nowUs + lateUs, handler.lastArrivalUs);
    handler.lastArrivalUs = atUs;
    const land = () => {
      if (handler.state === 'gone') return;
      put();
      if (handler.state === 'recv') this.startWork(c, handler);
    };
    if (atUs === this.clock.nowUs) land();
    else this.clock.schedule(atUs, PRIORITY.clientInput, c, land);
  }

  private startWork(c: number, handler: Handler): void {
    handler.state = 'busy';
    this.gil.start(`handler ${c}`, this.nextRecv(c, handler));
  }

  /** recv returns what reached the socket (or b'' once it is closed and drained); the handler works on it. */
  private nextRecv(c: number, handler: Handler): Step[] {
    if (handler.buffer.length > 0) {
      handler.state = 'busy';
      const lines = handler.buffer.splice(0);
      return [cpu(this.virtualUs('lineUs')), act(() => this.handleLines(c, handler, lines))];
    }
    if (handler.closed) {
      handler.state = 'busy';
      return [cpu(this.virtualUs('wakeUs')), act(() => this.handleClose(c, handler))];
    }
    handler.state = 'recv';
    return [];
  }

  private handleLines(c: number, handler: Handler, lines: TypedInput[]): Step[] {
    if (!super.typeLine(c, joined(lines))) {
      if (lines.length > 1) this.costedCounters.framingEvictions++;
      handler.state = 'gone';
      return [];
    }
    return [...this.awaitStarts(), act(() => this.nextRecv(c, handler))];
  }

  /**
   * `Thread.start()` returns once the new thread runs: the handler waits for each thread
   * it started to get the GIL once (its handshake lock), before its next recv.
   */
  private awaitStarts(): Step[] {
    return this.threadsStarting.splice(0).flatMap((started) => [acquire(started), release(started)]);
  }

  /** A thread started by the handler running now: its first step is the handshake. */
  private startThread(name: string, steps: Step[]): void {
    const started = new Mutex();
    this.gil.start(name, [release(started), ...steps], started);
    this.threadsStarting.push(started);
  }

  private handleClose(c: number, handler: Handler): void {
    super.close(c);
    handler.state = 'gone';
  }

  // Periodic threads

  protected override intakeWakes(): void {
    if (!this.intakeStarted) {
      // run() starts the intake thread first: Thread.start() returns once it runs. Its
      // first pass finds the queue empty and sleeps: a start, not a sleep's return, so no
      // lateness (threadStartUs, timed whole, holds the new thread's first wake-up).
      this.intakeStarted = true;
      this.clock.schedule(this.clock.nowUs + this.virtualUs('threadStartUs'), PRIORITY.intake, 0, () => this.intakeWakes());
      return;
    }
    this.gil.start('intake', [
      cpu(this.virtualUs('wakeUs')),
      act(() => {
        const before = this.tempBlocks.length;
        this.moveCandidates();
        this.costedCounters.reachedTemp += Math.max(0, this.tempBlocks.length - before);
        this.stopIfIdle();
        this.sleepThen(this.sleepUs(this.scenario.timings.intakeUs, this.streams.intakeJitter), PRIORITY.intake, () => this.intakeWakes());
      }),
    ]);
  }

  protected override lotteryWakes(): void {
    if (!this.lotteryStarted) {
      // ... and the lottery thread second: its sleep(10) begins after both starts (the
      // base server wakes it at 10 s; the lateness drawn here is that sleep's).
      this.lotteryStarted = true;
      return this.sleepThen(this.virtualUs('threadStartUs', 2), PRIORITY.lottery, () => this.lotteryWakes());
    }
    const literal = this.scenario.lottery === 'literal';
    const steps = this.lotteryIteration(literal);
    if (!literal) {
      steps.push(
        act(() => {
          if (this.lotteryAlive) this.sleepThen(this.sleepUs(this.scenario.timings.lotteryUs, this.streams.lotteryJitter), PRIORITY.lottery, () => this.lotteryWakes());
        }),
      );
    }
    this.gil.start('lottery', steps);
  }

  /** One pass of pick_winner's loop; the literal loop goes on with the next. */
  private lotteryIteration(literal: boolean): Step[] {
    if (!this.lotteryAlive) return [];
    const again = (): Step[] => (literal ? this.lotteryIteration(true) : []);
    if (literal && this.myLock.owner !== null && this.tempBlocks.length === 0 && this.spinStream.nextIntBelow(2) === 1) {
      // Blocked at the clear: what the intake adds while it waits is wiped undrawn.
      return [acquire(this.myLock), act(() => this.clearTemp(0)), release(this.myLock), act(again)];
    }
    let read: Candidate[] = [];
    return [
      acquire(this.myLock),
      act(() => void (read = [...this.tempBlocks])),
      release(this.myLock),
      act(() => {
        if (read.length > 0) return this.drawSteps(read, again);
        return literal ? [{ kind: 'spin' }, act(again)] : [];
      }),
    ];
  }

  private drawSteps(read: Candidate[], again: () => Step[]): Step[] {
    const pool = this.lotteryPool(read);
    const tickets = pool === 'crashed' ? 0 : pool.reduce((sum, m) => sum + m.tickets, 0);
    let outcome: 'drawn' | 'skipped' | 'ended' = 'ended';
    return [
      cpu(this.virtualUs('ticketUs', tickets)),
      { kind: 'yield' }, // print(lottery_winner): a write, during which the GIL goes to whoever waits
      acquire(this.myLock),
      act(() => void (outcome = this.drawRound(read))),
      release(this.myLock),
      act(() => {
        if (outcome === 'ended') return;
        return [
          acquire(this.myLock),
          act(() => {
            this.clearTemp(read.length);
            if (outcome === 'drawn') this.afterRound();
          }),
          release(this.myLock),
          act(again),
        ];
      }),
    ];
  }

  /** `temp_blocks.clear()`: the `drawn` first blocks were in the round's pool; the rest are wiped undrawn. */
  private clearTemp(drawn: number): void {
    const wiped = Math.max(0, this.tempBlocks.length - drawn);
    this.costedCounters.wipedUndrawn += wiped;
    this.counters.candidatesDiscarded += wiped;
    this.tempBlocks = [];
  }

  // Per-connection threads

  protected override spawnSyncSender(c: number): void {
    this.sendersAlive++;
    const wake = (): void => {
      this.gil.start(`sync ${c}`, [
        cpu(this.virtualUs('wakeUs')),
        acquire(this.myLock),
        { kind: 'yield' },
        act(() => [cpu(this.virtualUs('dumpBlockUs', this.chain.length), true)]),
        act(() => this.syncWrite()),
        release(this.myLock),
        act(() => this.sleepThen(this.scenario.timings.syncUs, PRIORITY.connectionThreads, wake, c)),
      ]);
    };
    this.startThread(`sync ${c}`, [act(() => this.sleepThen(this.scenario.timings.syncUs, PRIORITY.connectionThreads, wake, c))]);
  }

  protected override spawnPoller(c: number): void {
    this.pollersAlive++;
    const steps = (): Step[] => [
      cpu(this.virtualUs('wakeUs')),
      act(() => {
        if (this.poll(c)) this.sleepThen(this.scenario.timings.pollUs, PRIORITY.connectionThreads, () => this.gil.start(`poller ${c}`, steps()), c);
      }),
    ];
    this.startThread(`poller ${c}`, steps());
  }

  /** Sleeps `sleepUs`, and returns late by the sleep latency (seeded stream `costed/latency`). */
  private sleepThen(sleepUs: number, priority: number, wake: () => void, key = 0): void {
    const lateUs = Math.round(this.latencyStream.nextDouble() * 2 * this.timing.costs.sleepLatencyUs * this.timing.speedup);
    this.clock.schedule(this.clock.nowUs + sleepUs + lateUs, priority, key, wake);
  }
}

/** What one recv returns: one line as typed, or several read together as one text. */
function joined(lines: readonly TypedInput[]): TypedInput {
  if (lines.length === 1) return lines[0] as TypedInput;
  return { kind: 'text', text: lines.map((line) => `${line.kind === 'int' ? line.value : line.text}\n`).join('') };
}
