import type { Simulation } from '../../engine/simulation.js';
import { startRepeating } from '../../engine/repeating.js';
import type { RandomStream } from '../../rng/stream.js';
import type { PeriodicRun } from './periodic-submitters.js';
import type { LotteryMode, ResolvedRewards, ResolvedTimings, ServerRules, TypedInput } from '../../scenario/types.js';
import { AnnouncementPollers } from './announcement-pollers.js';
import { CandidateBlocks } from './candidate-blocks.js';
import { ChangedValidators } from '../counting/changed-validators.js';
import { CohortPool } from '../counting/cohort-pool.js';
import { Chain } from './chain.js';
import { decimalLength } from '../counting/integers.js';
import { drawPoolMember } from './lottery-draw.js';
import { ExactWinSums } from '../counting/exact-win-sums.js';
import { WinnerPit } from '../counting/winner-pit.js';
import { LotteryPool, POOL_CRASHED } from './lottery-pool.js';
import { formatPythonDatetime, pythonDatetimeLength, pythonInt } from './python-text.js';
import { zeroCounters, zeroTotals, type PeriodRecord, type RoundRecord, type ServerCounters, type StopReason, type ValidatorTotals } from '../records.js';
import { rewardFor } from './rewards.js';
import { RunLog } from '../counting/run-log.js';
import { SHA256_HEX_LENGTH } from './sha256.js';
import { AddressBook } from './address-book.js';
import { addAt, at } from '../columns.js';
import { SteadyLines } from '../counting/steady-lines.js';
import { SyncTraffic } from './sync-traffic.js';
import type { ServerInput } from './server-input.js';
import { NumberTexts } from '../../lists/number-texts.js';
import { ValidatorsTable } from './validators-table.js';

/**
 * Same-instant order, as the spec fixes it: client input, intake, lottery, then the
 * per-connection threads; the end-of-period report comes after everything.
 */
export const PRIORITY = { clientInput: 0, intake: 1, lottery: 2, connectionThreads: 3, periodReport: 4 } as const;

export interface ServerOptions {
  readonly rules: ServerRules;
  readonly lottery: LotteryMode;
  readonly timings: ResolvedTimings;
  readonly rewards: ResolvedRewards;
  /** Server start, µs since 1970 (genesis timestamp). */
  readonly startEpochUs: number;
  /** Stop after this many draws (null: no limit). */
  readonly maxRounds: number | null;
  /** Keep running to this time even if nothing more can happen (null: stop when idle or halted). */
  readonly durationUs: number | null;
  readonly validatorCount: number;
  readonly lotteryStream: RandomStream;
  readonly intakeJitterStream: RandomStream;
  readonly lotteryJitterStream: RandomStream;
  /** V of each round's {@link WinnerPit}. */
  readonly pitStream: RandomStream;
  /** For tests only: replaces {@link drawPoolMember} (a biased lottery), and so turns off the cohort pool, which draws by itself. */
  readonly drawMember?: typeof drawPoolMember;
}

export interface ServerObserver {
  round(record: RoundRecord): void;
  /** JSON of each block as the chain grows, genesis first (only called if given). */
  block?(json: string): void;
  /** The server's state at the end of every sync period, and at the end of the run (only if given). */
  period?(record: PeriodRecord): void;
}

/**
 * The server of `server-logic.md`, replayed on the simulation's virtual clock: the
 * validators map, candidate queue, intake and lottery threads, and the per-connection
 * poller and sync threads (in aggregate). Client input arrives through
 * {@link ServerInput}: {@link connect}, a line ({@link submitLine}) or a run of lines
 * ({@link submitRun}), and {@link disconnect}.
 */
export class PosServer implements ServerInput {
  readonly counters: ServerCounters = zeroCounters();
  readonly validators: ValidatorTotals;
  /** Validators whose stake or wins changed, for readers of running totals. */
  readonly changed: ChangedValidators;
  /** What the exact per-validator test needs of each validator's rounds. */
  readonly exactWins: ExactWinSums;
  /** Each round's winner as a probability integral transform. */
  readonly pit: WinnerPit;
  stopReason: StopReason | null = null;

  private readonly seedRules: boolean;
  private readonly chain: Chain;
  private readonly blocks = new CandidateBlocks();
  private readonly pollers: AnnouncementPollers;
  private readonly sync: SyncTraffic;
  private readonly wakePollersId: number;
  private readonly literalLotteryId: number;
  private lotteryAlive = true;
  private literalLoopRunning = false;

  private readonly table: ValidatorsTable;
  /** The validators' balance texts, shared between equal balances (2^12 slots). */
  private readonly balanceTexts = new NumberTexts(12);
  private readonly addresses: AddressBook;
  /** The instant of the latest connect (see {@link connect}). */
  private lastConnectUs = Number.NaN;
  private readonly pool = new LotteryPool();
  private readonly cohortPool = new CohortPool();
  private readonly steadyLines: SteadyLines;
  private readonly runLog: RunLog;
  private readonly connectionSlot: Int32Array;
  private readonly connectionOpen: Uint8Array;
  private openConnections = 0;
  /** Scratch: the times of a run's lines (see {@link submitRun}). */
  private runTimesUs = new Float64Array(1024);
  private clientsDone = false;
  private totalStake = 0;
  private lastPeriodUs = 0;
  private readonly periodRecord: PeriodRecord = {
    timeUs: 0,
    rounds: 0,
    staleBlocks: 0,
    lotteryAlive: true,
    announcementsMade: 0,
    announcementsDelivered: 0,
    announcementsLost: 0,
    syncMessages: 0,
    syncBytes: 0,
    threads: 0,
  };

  private readonly roundRecord: RoundRecord = {
    round: 0,
    timeUs: 0,
    poolValidators: 0,
    poolStake: 0,
    winner: 0,
    winnerStake: 0,
    winnerP: 0,
    blockIndex: 0,
    blockPosition: 0,
    stale: false,
  };

  constructor(
    private readonly sim: Simulation,
    private readonly options: ServerOptions,
    private readonly observer: ServerObserver,
  ) {
    this.seedRules = options.rules === 'seed';
    const n = options.validatorCount;
    this.table = new ValidatorsTable(n);
    const addresses = new AddressBook(options.startEpochUs, n);
    this.addresses = addresses;
    // Bound, not an arrow: a closure made here would share this constructor's context,
    // which holds `this`, and the result would keep the whole model alive.
    this.validators = zeroTotals(n, addresses.addressOf.bind(addresses), addresses.inputs);
    this.changed = new ChangedValidators(n);
    this.exactWins = new ExactWinSums(n, options.rewards.rule.kind === 'none');
    this.pit = new WinnerPit(options.pitStream);
    this.steadyLines = new SteadyLines(this.validators.blocksSubmitted);
    this.connectionSlot = new Int32Array(n).fill(-1);
    this.runLog = new RunLog(this.connectionSlot);
    this.connectionOpen = new Uint8Array(n);
    // Block text is made only if someone reads it: the counts need only its length.
    this.chain = new Chain(formatPythonDatetime(options.startEpochUs), observer.block !== undefined);
    observer.block?.(this.chain.genesisJson);
    const t = options.timings;
    this.pollers = new AnnouncementPollers(t.pollUs, n, (connection, messages) => addAt(this.validators.announcementsReceived, connection, messages));
    const chain = this.chain;
    this.sync = new SyncTraffic(t.syncUs, this.counters, () => chain.syncMessageBytes);
    this.wakePollersId = sim.register(() => this.wakePollers());
    this.literalLotteryId = sim.register(() => this.runLottery());
    startRepeating(sim, 0, PRIORITY.intake, () => this.intakeTick());
    startRepeating(sim, t.lotteryUs + this.jitter(options.lotteryJitterStream), PRIORITY.lottery, () =>
      this.lotteryTick(),
    );
    if (observer.period) {
      startRepeating(sim, t.syncUs, PRIORITY.periodReport, () => {
        this.reportPeriod(true);
        return this.sim.now + t.syncUs;
      });
    }
    this.updatePeakThreads();
  }

  /** A client connects and types its balance line. Returns false if the fixed rules refuse it. */
  connect(connection: number, balance: TypedInput): boolean {
    const now = this.sim.now;
    const parsed = balance.kind === 'int' ? balance.value : safeIntegerOrNull(pythonInt(balance.text), 'balance');
    if (!this.seedRules && (parsed === null || parsed < 0)) {
      this.counters.balancesRefused++;
      this.validators.balanceText[connection] = balance.kind === 'int' ? this.balanceTexts.of(balance.value) : balance.text;
      return false;
    }
    // An address is the hash of its connect instant's text (with the fixed rules' `#k`):
    // no connect shares an address with another instant's, and within an instant the
    // suffix k tells addresses apart. So the table is keyed by k, instant by instant,
    // and no text is made or hashed here (see AddressBook).
    if (now !== this.lastConnectUs) {
      this.table.forgetKeys();
      this.lastConnectUs = now;
    }
    let suffix = 0;
    if (this.table.has(suffix)) {
      // Seed: the later client overwrites the earlier one's entry (quirk 7).
      // Fixed: it gets a fresh address derived from the same timestamp instead.
      if (this.seedRules) this.counters.addressCollisions++;
      else while (this.table.has(suffix)) suffix++;
    }
    const slot = this.table.slotFor(suffix);
    this.table.set(slot, parsed, balance.kind === 'text' ? balance.text : '');
    this.addresses.enter(connection, now, suffix);
    this.validators.balanceText[connection] = parsed === null ? (balance as { text: string }).text : this.balanceTexts.of(parsed);
    const stake = parsed === null ? 0 : Math.max(0, parsed);
    this.validators.stake[connection] = stake;
    this.validators.initialStake[connection] = stake;
    this.changed.mark(connection);
    this.totalStake += stake;
    this.connectionSlot[connection] = slot;
    this.connectionOpen[connection] = 1;
    this.openConnections++;
    if (this.seedRules) this.pollers.spawn(connection, now);
    else {
      this.sync.senders.add(now);
      this.validators.announcementsReceived[connection] = -this.counters.announcementsMade;
    }
    this.updatePeakThreads();
    return true;
  }

  /**
   * The client types a BPM line: int() of it, then `generate_block` and the candidate
   * queue, and under seed rules a sync sender and a poller. A line int() refuses ends
   * the session, as does a closed connection (see {@link disconnect}). Returns whether
   * the session goes on.
   */
  submitLine(connection: number, line: TypedInput): boolean {
    // Scenario integers are safe integers already; only typed text goes through int().
    const bpm = line.kind === 'int' ? line.value : safeIntegerOrNull(pythonInt(line.text), 'BPM');
    if (bpm === null) {
      this.disconnect(connection);
      return false;
    }
    const now = this.sim.now;
    this.blocks.put(connection, at(this.connectionSlot, connection), bpm, now, this.chain.tipPosition);
    this.steadyLines.settle(connection);
    const k = at(this.validators.blocksSubmitted, connection);
    this.validators.blocksSubmitted[connection] = k + 1;
    if (this.seedRules) {
      // Threads only grow here; the peak is taken before anything makes them fewer.
      this.sync.senders.add(now);
      this.pollers.spawnForLine(connection, k, now);
    }
    return true;
  }

  /**
   * The client promises to type every `intervalUs` from its first line on, for as long
   * as it is connected: its pollers are then counted in bulk (see
   * {@link AnnouncementPollers.spawnRepeat}).
   */
  declarePeriodic(connection: number, intervalUs: number): void {
    this.pollers.declarePeriodic(connection, intervalUs);
  }

  /**
   * How many lines a client typing every `intervalUs` types before its lines need no
   * work of their own beyond counting (its pollers' {@link AnnouncementPollers.cycleLength}),
   * or null if they always do (sync senders that cannot be counted per run).
   */
  linesBeforeSteady(intervalUs: number): number | null {
    if (!this.seedRules) return 0;
    return this.sync.senders.acceptsRuns(intervalUs) ? this.pollers.cycleLength(intervalUs) : null;
  }

  /**
   * {@link submitLine} for each member of a run that is connected and has started,
   * each typing `bpm[connection]`: one loop instead of a call per line, and for a
   * steady run no loop at all ({@link submitSteadyRun}). The run's lines must be due at
   * or after now, in time order, and the clock is not moved (the caller enters them).
   * Fills in the run's `typed` and `lastTypedUs`.
   */
  submitRun(run: PeriodicRun, bpm: Float64Array): void {
    if (run.steady) return this.submitSteadyRun(run, bpm);
    const { connections, residueUs, firstUs, cycleStartUs, from, to } = run;
    this.steadyLines.settleSource(connections);
    const open = this.connectionOpen;
    const slots = this.connectionSlot;
    const submitted = this.validators.blocksSubmitted;
    const pollers = this.pollers;
    const tip = this.chain.tipPosition;
    const seedRules = this.seedRules;
    if (this.runTimesUs.length < to - from) this.runTimesUs = new Float64Array(doubledToAtLeast(this.runTimesUs.length, to - from));
    const times = this.runTimesUs;
    const blocks = this.blocks;
    blocks.reserve(to - from);
    const firstBlock = blocks.endIndex;
    // Only the first poller spawned in the run can find a message waiting.
    let messagesWait = seedRules && pollers.pending > 0;
    let typed = 0;
    let repeats = 0;
    // Once per line: a hot loop, indexing columns directly (see columns.ts).
    for (let i = from; i < to; i++) {
      const c = connections[i] as number;
      const t = cycleStartUs + (residueUs[i] as number);
      if (open[c] !== 1 || t < (firstUs[i] as number)) continue;
      blocks.write(firstBlock + typed, c, slots[c] as number, bpm[c] as number, t, tip);
      times[typed++] = t;
      const k = submitted[c] as number;
      submitted[c] = k + 1;
      if (!seedRules) continue;
      // Repeat spawns are only counted, unless a message waits for the first of them to take.
      if (!messagesWait && pollers.isRepeatSpawn(c, k)) repeats++;
      else pollers.spawnForLine(c, k, t);
      messagesWait = false;
    }
    blocks.commitPuts(typed);
    const whole = typed === to - from;
    if (seedRules) {
      if (!whole || !this.sync.senders.addRun(residueUs, run.intervalUs, from, to, cycleStartUs)) this.sync.senders.addAll(times, typed);
      pollers.addRepeats(repeats);
    }
    if (whole) this.runLog.note(connections, from, to, firstBlock);
    run.typed = typed;
    run.lastTypedUs = typed > 0 ? (times[typed - 1] as number) : 0;
  }

  /**
   * {@link submitRun} of a steady run (see {@link PeriodicRun.steady}): every
   * member types and spawns a repeat poller, so the run is counted as a whole: lines
   * typed ({@link SteadyLines}), pollers, sync senders ({@link SyncSenders.addRun});
   * and the blocks are written only if read (see {@link RunLog}).
   */
  private submitSteadyRun(run: PeriodicRun, bpm: Float64Array): void {
    const { connections, residueUs, cycleStartUs, from, to } = run;
    const count = to - from;
    this.steadyLines.add(connections, from, to);
    const firstBlock = this.blocks.endIndex;
    this.blocks.reserve(count);
    this.blocks.commitPuts(count);
    const builtOn = this.chain.tipPosition;
    this.runLog.noteUnwritten(connections, from, to, firstBlock, residueUs, bpm, cycleStartUs, builtOn);
    if (this.seedRules) {
      if (!this.sync.senders.addRun(residueUs, run.intervalUs, from, to, cycleStartUs)) {
        throw new Error(`PosServer: a steady run at an interval of ${run.intervalUs} µs whose sync senders cannot be counted per run`);
      }
      // The first poller takes whatever message waits; the others find none.
      let repeats = count;
      if (this.pollers.pending > 0) {
        this.pollers.spawnRepeat(connections[from] as number);
        repeats--;
      }
      this.pollers.addRepeats(repeats);
    }
    run.typed = count;
    run.lastTypedUs = cycleStartUs + (residueUs[to - 1] as number);
  }

  /** The connection closes: the server reads an empty line, int() fails, `del validators[address]`. */
  disconnect(connection: number): void {
    if (!this.connectionOpen[connection]) return;
    this.steadyLines.settle(connection);
    this.updatePeakThreads();
    const slot = at(this.connectionSlot, connection);
    // With a shared (collided) address the second del raises KeyError: same outcome.
    this.table.delete(slot);
    this.connectionOpen[connection] = 0;
    if (this.seedRules) this.pollers.close(connection, at(this.validators.blocksSubmitted, connection));
    this.openConnections--;
    this.counters.evictions++;
    if (this.options.rewards.withdrawOnLeave) {
      this.totalStake -= at(this.validators.stake, connection);
      this.validators.stake[connection] = 0;
      this.changed.mark(connection);
    }
    if (!this.seedRules) {
      this.sync.senders.remove(this.addresses.connectUsOf(connection), this.sim.now);
      addAt(this.validators.announcementsReceived, connection, this.counters.announcementsMade);
    }
  }

  /** Settles the counters that are kept lazily; call once when the run ends. */
  finish(endUs: number): void {
    this.cohortPool.settle(this.validators, this.exactWins);
    this.exactWins.finish(this.validators.expectedWins);
    this.steadyLines.settleAll();
    // Nothing of the instant the run ended at ran after the event that ended it: its writes did not happen.
    if (this.observer.period && endUs > this.lastPeriodUs) this.reportPeriod(false);
    else this.sync.countUntil(endUs - (endUs % 1000));
    this.sync.flush();
    this.settleAnnouncementCounters();
    if (!this.seedRules) {
      // Per-connection counts under fixed rules: what was announced while still connected.
      for (let c = 0; c < this.connectionOpen.length; c++) {
        if (this.connectionOpen[c]) {
          addAt(this.validators.announcementsReceived, c, this.counters.announcementsMade);
        }
      }
    }
    this.updatePeakThreads();
    this.counters.threadsAtEnd = this.threadCount();
  }

  private settleAnnouncementCounters(): void {
    if (!this.seedRules) return; // counted as they are made
    this.counters.announcementsDelivered = this.pollers.totals.delivered;
    this.counters.announcementsLost = this.pollers.totals.lost;
    this.counters.announcementsPending = this.pollers.pending;
  }

  /**
   * quirks.csv's row. A period's report comes after everything of its last instant
   * (`throughNow`), so the sync writes of that instant are in it; the run's last row,
   * made when it has ended, counts those before its end.
   */
  private reportPeriod(throughNow: boolean): void {
    const now = this.sim.now;
    if (throughNow) this.sync.countThrough(now);
    else this.sync.countUntil(now - (now % 1000));
    this.settleAnnouncementCounters();
    const c = this.counters;
    const r = this.periodRecord;
    r.timeUs = now;
    r.rounds = c.rounds;
    r.staleBlocks = c.staleBlocksAppended;
    r.lotteryAlive = this.lotteryAlive;
    r.announcementsMade = c.announcementsMade;
    r.announcementsDelivered = c.announcementsDelivered;
    r.announcementsLost = c.announcementsLost;
    const traffic = this.sync.takePeriod();
    r.syncMessages = traffic.messages;
    r.syncBytes = traffic.bytes;
    r.threads = this.threadCount();
    this.lastPeriodUs = now;
    this.observer.period?.(r);
  }

  private intakeTick(): number {
    const moved = this.blocks.intake();
    this.runLog.forgetBefore(this.blocks.tempStartIndex); // the lottery forgets too, but may be dead
    if (!this.lotteryAlive) {
      this.counters.candidatesAfterHalt += moved;
      this.blocks.clearAll();
    } else if (this.literalLoopRunning && this.blocks.tempCount > 0) {
      // The literal loop spins without sleeping: it draws as soon as temp_blocks fills.
      this.sim.schedule(this.sim.now, PRIORITY.lottery, this.literalLotteryId);
    }
    this.stopIfIdle();
    return this.sim.now + this.options.timings.intakeUs + this.jitter(this.options.intakeJitterStream);
  }

  private lotteryTick(): number | null {
    this.runLottery();
    if (this.options.lottery === 'literal') {
      this.literalLoopRunning = true;
      return null;
    }
    return this.lotteryAlive ? this.sim.now + this.options.timings.lotteryUs + this.jitter(this.options.lotteryJitterStream) : null;
  }

  /** One pass of `pick_winner`'s loop body. */
  private runLottery(): void {
    if (!this.lotteryAlive || this.blocks.tempCount === 0) return;
    const tempCount = this.blocks.tempCount;
    if (this.drawWholeCycle()) {
      // A round the cohort pool drew: the general pool's buffers wait unread (20 MB for a million members).
      this.pool.release();
      this.counters.candidatesDiscarded += tempCount - 1;
      this.endRound();
      return;
    }
    this.cohortPool.settle(this.validators, this.exactWins);
    this.runLog.write(this.blocks, this.blocks.tempStartIndex, this.blocks.candidateStartIndex);
    const members = this.pool.build(this.blocks, this.table);
    if (members === POOL_CRASHED) {
      this.halt('bad-balance'); // range(bytes) raises TypeError (quirk 4)
      return;
    }
    if (members === 0) {
      if (this.seedRules) {
        this.halt('empty-pool'); // choice([]) raises IndexError (quirk 3)
        return;
      }
      this.counters.emptyPoolsSkipped++;
      this.counters.candidatesDiscarded += tempCount;
      this.blocks.clearTemp();
      return;
    }
    const poolStake = this.pool.total;
    if (!drawable(poolStake)) {
      this.stop('stake-limit');
      return;
    }
    const winnerIndex = (this.options.drawMember ?? drawPoolMember)(this.pool.stakes, members, poolStake, this.options.lotteryStream);
    this.recordPool(members, poolStake);
    const winnerStake = at(this.pool.stakes, winnerIndex);
    this.pit.record(ticketsBefore(this.pool.stakes, winnerIndex), winnerStake, poolStake);
    this.appendWinner(at(this.pool.blockSlots, winnerIndex), winnerStake, members, poolStake);
    this.counters.candidatesDiscarded += tempCount - 1;
    this.endRound();
  }

  /**
   * The round when its temp blocks are one whole cycle of a batch source (see
   * {@link CohortPool}): returns false, having done nothing, if they are not or the
   * pool does not qualify.
   */
  private drawWholeCycle(): boolean {
    const blocks = this.blocks;
    const source = this.runLog.wholeCycle(blocks.tempStartIndex, blocks.candidateStartIndex);
    if (source === null || this.options.drawMember) return false;
    const start = this.runLog.wholeCycleStart;
    const pool = this.cohortPool;
    if (!pool.prepare(source, this.connectionSlot, this.table, this.validators, this.exactWins)) return false;
    if (!drawable(pool.total)) return false; // the general path stops the run
    const winner = pool.draw(start, this.options.lotteryStream);
    this.pit.record(pool.ticketsBefore(winner, start), pool.ticketsAt(winner), pool.total);
    // Each member put one block, in order from the start position on.
    const offset = winner >= start ? winner - start : winner + source.length - start;
    this.runLog.writeOne(blocks, blocks.tempStartIndex + offset);
    this.appendWinner(blocks.tempSlot(offset), pool.ticketsAt(winner), pool.members, pool.total);
    return true;
  }

  private endRound(): void {
    this.blocks.clearTemp();
    if (this.options.maxRounds !== null && this.counters.rounds >= this.options.maxRounds) this.stop('rounds');
    else this.stopIfIdle();
  }

  /** The general draw's bookkeeping, once per pool member: a hot loop, indexing columns directly (see columns.ts). */
  private recordPool(members: number, poolStake: number): void {
    const v = this.validators;
    const exact = this.exactWins;
    // Members of one stake and history keep sharing a row of sums (see ExactWinSums.addRounds).
    const repeated = exact.repeatedSums();
    for (let m = 0; m < members; m++) {
      const connection = this.blocks.connection[this.pool.blockSlots[m] as number] as number;
      const p = (this.pool.stakes[m] as number) / poolStake;
      const expectedBefore = v.expectedWins[connection] as number;
      if (exact.tracks(expectedBefore)) exact.addRounds(connection, p, 1, expectedBefore, repeated);
      v.roundsInPool[connection] = (v.roundsInPool[connection] as number) + 1;
      v.expectedWins[connection] = (v.expectedWins[connection] as number) + p;
      v.winVariance[connection] = (v.winVariance[connection] as number) + p * (1 - p);
    }
  }

  private appendWinner(blockSlot: number, winnerStake: number, members: number, poolStake: number): void {
    const blocks = this.blocks;
    const connection = at(blocks.connection, blockSlot);
    const now = this.sim.now;
    // Writes before this instant carried the chain as it was before this block.
    this.sync.countUntil(now);
    const builtOn = this.seedRules ? at(blocks.builtOn, blockSlot) : this.chain.tipPosition;
    const bpm = at(blocks.bpm, blockSlot);
    const submittedEpochUs = this.options.startEpochUs + at(blocks.submittedUs, blockSlot);
    const appended = this.chain.keepsText
      ? this.chain.appendBuiltOn(builtOn, String(bpm), formatPythonDatetime(submittedEpochUs), this.addresses.addressOf(connection))
      : this.chain.appendCounted(builtOn, decimalLength(bpm), pythonDatetimeLength(submittedEpochUs), SHA256_HEX_LENGTH);
    this.observer.block?.(appended.json);
    const c = this.counters;
    c.rounds++;
    if (appended.stale) {
      c.staleBlocksAppended++;
      c.firstStaleRound ??= c.rounds;
    }
    addAt(this.validators.wins, connection, 1);
    this.changed.mark(connection); // wins, and stake if a reward is paid
    this.payReward(connection);
    const r = this.roundRecord;
    r.round = c.rounds;
    r.timeUs = now;
    r.poolValidators = members;
    r.poolStake = poolStake;
    r.winner = connection;
    r.winnerStake = winnerStake;
    r.winnerP = r.winnerStake / poolStake;
    r.blockIndex = appended.index;
    r.blockPosition = appended.position;
    r.stale = appended.stale;
    this.observer.round(r);
    this.announce();
  }

  /** Adds the round's reward to the winner's balance (the seed pays none). */
  private payReward(connection: number): void {
    const reward = rewardFor(this.options.rewards, this.counters.rounds, this.totalStake, at(this.validators.stake, connection));
    if (reward === 0) return;
    this.table.addTokens(at(this.connectionSlot, connection), reward);
    addAt(this.validators.stake, connection, reward);
    this.totalStake += reward;
  }

  private announce(): void {
    this.counters.announcementsMade++;
    if (!this.seedRules) {
      // Every open connection hears it; per-connection counts are settled at disconnect and at the end.
      this.counters.announcementsDelivered += this.openConnections;
      return;
    }
    const wake = this.pollers.announce(this.sim.now);
    if (wake !== null) this.sim.schedule(wake, PRIORITY.connectionThreads, this.wakePollersId);
  }

  private wakePollers(): void {
    this.updatePeakThreads(); // pollers of closed connections may die
    const next = this.pollers.wake(this.sim.now, (c) => this.connectionOpen[c] === 1);
    if (next !== null) this.sim.schedule(next, PRIORITY.connectionThreads, this.wakePollersId);
  }

  private halt(reason: 'empty-pool' | 'bad-balance'): void {
    this.updatePeakThreads();
    this.lotteryAlive = false;
    this.counters.halt = { reason, timeUs: this.sim.now, afterRound: this.counters.rounds };
    this.counters.candidatesAfterHalt += this.blocks.tempCount + this.blocks.queuedCount;
    this.blocks.clearAll();
    if (this.options.durationUs === null) this.stop('halted');
  }

  private stop(reason: StopReason): void {
    this.stopReason = reason;
    this.sim.stop();
  }

  /** No client will type again: the run may end once no block waits (if it has no fixed duration). */
  noMoreInput(): void {
    this.clientsDone = true;
    this.stopIfIdle();
  }

  private stopIfIdle(): void {
    if (this.clientsDone && this.options.durationUs === null && this.blocks.tempCount + this.blocks.queuedCount === 0) {
      this.stop('idle');
    }
  }

  private jitter(stream: RandomStream): number {
    const maxMs = this.options.timings.jitterUs / 1000;
    return maxMs === 0 ? 0 : stream.nextIntBelow(maxMs + 1) * 1000;
  }

  private threadCount(): number {
    const serverThreads = 2 + (this.lotteryAlive ? 1 : 0); // main, intake, lottery
    if (this.seedRules) return serverThreads + this.openConnections + this.pollers.count + this.sync.senders.count;
    return serverThreads + 3 * this.openConnections; // handler, poller, sender per connection
  }

  private updatePeakThreads(): void {
    const n = this.threadCount();
    if (n > this.counters.peakThreads) this.counters.peakThreads = n;
  }
}

/** Tickets held by the pool members before member `index`, in pool order. */
function ticketsBefore(stakes: Float64Array, index: number): number {
  let before = 0;
  for (let m = 0; m < index; m++) before += stakes[m] as number;
  return before;
}

/**
 * Whether a pool's stake is one a double holds exactly (the run stops otherwise). Partial sums of integers are
 * exact below 2^53 and never fall back under it, so "at least 2^53" is decided the same
 * whatever order the stakes were added in (the pool's or the source's).
 */
function drawable(poolStake: number): boolean {
  return poolStake < 2 ** 53;
}

/** A Python int as a JS number, or null for null; refuses what a double cannot hold exactly. */
function safeIntegerOrNull(value: bigint | null, what: string): number | null {
  if (value === null) return null;
  if (value > BigInt(Number.MAX_SAFE_INTEGER) || value < -BigInt(Number.MAX_SAFE_INTEGER)) {
    throw new RangeError(`${what} ${value} is beyond 2^53: pos-sim cannot replay it exactly`);
  }
  return Number(value);
}

/** The first of `size`, 2·size, 4·size, ... that is at least `needed` (size >= 1). */
function doubledToAtLeast(size: number, needed: number): number {
  let n = Math.max(1, size);
  while (n < needed) n *= 2;
  return n;
}
