/**
 * The reference server: `../shared/spec/server-logic.md` replayed one event at a time,
 * to be read beside it. Every thread wake-up, client line and sync write is an event of
 * its own; nothing is counted in aggregate, and every block is hashed and written out.
 * It shares nothing with the fast model (src/model) but the record types it reports
 * (the recorder's contract), the seeded random streams, drawn in the same order, and the
 * two accumulators of pos-sim's statistics (ExactWinSums, WinnerPit: not the seed's
 * logic), so that both produce the same results folder byte for byte
 * (test/reference/differential).
 *
 * Section names below are the spec's.
 */
import { zeroCounters, zeroTotals, type PeriodRecord, type RoundRecord, type ServerCounters, type StopReason, type ValidatorTotals } from '../model/records.js';
import type { ServerObserver } from '../model/logic/server.js';
import type { RandomStream } from '../rng/stream.js';
import type { ResolvedScenario, TypedInput } from '../scenario/types.js';
import { chainJson, follows, generateBlock, genesisBlock, type Block } from './chain.js';
import { pythonDatetimeText, pythonInt, sha256Hex } from './python.js';
import { ExactWinSums } from '../model/counting/exact-win-sums.js';
import { WinnerPit } from '../model/counting/winner-pit.js';

/** Same-instant order: client input, intake, lottery, connection threads (sync, announcements), then the period report. */
export const PRIORITY = { clientInput: 0, intake: 1, lottery: 2, connectionThreads: 3, periodReport: 4 } as const;

/** What the server needs of the clock it runs on (see ReferenceRun). */
export interface ReferenceClock {
  readonly nowUs: number;
  /** Runs `event` at `timeUs`; same-instant events of a priority run by `key`, then in scheduling order. */
  schedule(timeUs: number, priority: number, key: number, event: () => void): void;
  /** Ends the run after the current event. */
  stop(): void;
}

export interface ReferenceStreams {
  readonly lottery: RandomStream;
  readonly intakeJitter: RandomStream;
  readonly lotteryJitter: RandomStream;
  /** V of each round's winner PIT (a statistic of pos-sim's, not the seed's). */
  readonly pit: RandomStream;
}

/** `validators[address]`: an int, or the raw bytes int() refused. */
type Balance = { readonly kind: 'int'; readonly value: number } | { readonly kind: 'bytes'; readonly text: string };

/** A block waiting in `candidate_blocks` or `temp_blocks`. */
export interface Candidate {
  readonly connection: number;
  readonly address: string;
  readonly bpm: number;
  readonly submittedUs: number;
  /** `block_chain[-1]` when the client typed the line. */
  readonly builtOn: Block;
}

interface Connection {
  open: boolean;
  address: string;
  /** Announcements made before it connected (fixed rules: it hears every later one while open). */
  announcementsBefore: number;
}

/** A chain-sync sender thread. */
interface SyncSender {
  alive: boolean;
}

export class ReferenceServer {
  readonly counters: ServerCounters = zeroCounters();
  readonly validators: ValidatorTotals;
  /**
   * pos-sim's statistics of the draws, not the seed's: the accumulators the fast model
   * uses too, fed here round by round (their inputs are this server's own).
   */
  readonly exactWins: ExactWinSums;
  readonly pit: WinnerPit;
  stopReason: StopReason | null = null;

  // State
  protected readonly chain: Block[] = [];
  private readonly validatorsMap = new Map<string, Balance>();
  private readonly addressesGiven = new Set<string>();
  private readonly candidateBlocks: Candidate[] = [];
  protected tempBlocks: Candidate[] = [];
  /** The shared announcements queue (its messages only differ by winner, which nothing reads). */
  private announcements = 0;

  private readonly seedRules: boolean;
  private readonly startEpochUs: number;
  private readonly connections: Connection[];
  private readonly addresses: string[];
  protected lotteryAlive = true;
  /** Literal lottery: the loop spins with no sleep once its first 10 s are over. */
  private literalLoopSpinning = false;
  private clientsDone = false;
  protected pollersAlive = 0;
  protected sendersAlive = 0;
  private openConnections = 0;
  private syncAtLastReport = { messages: 0, bytes: 0n };
  private lastReportUs = 0;
  private chainBytes = { blocks: -1, bytes: 0 };
  /** Fixed rules: each connection's one sync sender. */
  private readonly fixedSenders: Array<SyncSender | undefined> = [];

  constructor(
    protected readonly scenario: ResolvedScenario,
    protected readonly clock: ReferenceClock,
    protected readonly streams: ReferenceStreams,
    private readonly observer: ServerObserver,
    startEpochUs: number,
  ) {
    const n = scenario.validators.length;
    this.exactWins = new ExactWinSums(n, scenario.rewards.rule.kind === 'none');
    this.pit = new WinnerPit(streams.pit);
    this.seedRules = scenario.rules === 'seed';
    this.startEpochUs = startEpochUs;
    this.connections = Array.from({ length: n }, () => ({ open: false, address: '', announcementsBefore: 0 }));
    this.addresses = new Array<string>(n).fill('');
    const addresses = this.addresses;
    this.validators = zeroTotals(n, (c) => addresses[c] ?? '');
    this.appendToChain(genesisBlock(pythonDatetimeText(startEpochUs)));
    const t = scenario.timings;
    this.clock.schedule(0, PRIORITY.intake, 0, () => this.intakeWakes());
    this.clock.schedule(t.lotteryUs + this.jitter(streams.lotteryJitter), PRIORITY.lottery, 0, () => this.lotteryWakes());
    this.clock.schedule(t.syncUs, PRIORITY.periodReport, 0, () => this.periodEnds());
    this.noteThreads();
  }

  // A client session

  /** The client connects and types its balance line. Returns false if the fixed rules refuse it. */
  connect(c: number, line: TypedInput): boolean {
    const typed = line.kind === 'int' ? BigInt(line.value) : pythonInt(line.text);
    const rawText = line.kind === 'int' ? String(line.value) : line.text;
    if (!this.seedRules && (typed === null || typed < 0n)) {
      this.counters.balancesRefused++;
      this.validators.balanceText[c] = rawText;
      return false;
    }
    const balance: Balance = typed === null ? { kind: 'bytes', text: rawText } : { kind: 'int', value: exactNumber(typed, 'balance') };
    const address = this.newAddress();
    this.validatorsMap.set(address, balance);
    this.addresses[c] = address;
    this.validators.balanceText[c] = balance.kind === 'int' ? String(balance.value) : balance.text;
    const stake = balance.kind === 'int' ? Math.max(0, balance.value) : 0;
    this.validators.stake[c] = stake;
    this.validators.initialStake[c] = stake;
    const connection = this.connections[c] as Connection;
    connection.open = true;
    connection.address = address;
    connection.announcementsBefore = this.counters.announcementsMade;
    this.openConnections++;
    if (this.seedRules) this.spawnPoller(c);
    else this.spawnSyncSender(c); // fixed: one sender per connection
    this.noteThreads();
    return true;
  }

  /**
   * `address = sha256(str(datetime.now()))`: two connects in one microsecond get the
   * same one (seed: the later overwrites, quirk 7; fixed: `#k` makes it unique).
   */
  private newAddress(): string {
    const text = pythonDatetimeText(this.startEpochUs + this.clock.nowUs);
    let address = sha256Hex(text);
    if (this.addressesGiven.has(address)) {
      if (this.seedRules) this.counters.addressCollisions++;
      else for (let k = 1; this.addressesGiven.has(address); k++) address = sha256Hex(`${text}#${k}`);
    }
    this.addressesGiven.add(address);
    return address;
  }

  /** The client types a BPM line. Returns whether the session goes on (int() refusing it ends it). */
  typeLine(c: number, line: TypedInput): boolean {
    const typed = line.kind === 'int' ? BigInt(line.value) : pythonInt(line.text);
    if (typed === null) {
      this.evict(c);
      return false;
    }
    const connection = this.connections[c] as Connection;
    const tip = this.chain[this.chain.length - 1] as Block;
    this.candidateBlocks.push({
      connection: c,
      address: connection.address,
      bpm: exactNumber(typed, 'BPM'),
      submittedUs: this.clock.nowUs,
      builtOn: tip,
    });
    this.validators.blocksSubmitted[c] = (this.validators.blocksSubmitted[c] as number) + 1;
    if (this.seedRules) {
      this.spawnSyncSender(c);
      this.spawnPoller(c); // the session loops: a new poller, then the next prompt
    }
    this.noteThreads();
    return true;
  }

  /** The connection closes: the server reads an empty line, int() fails, `del validators[address]`. */
  close(c: number): void {
    this.evict(c);
  }

  /** int() refused what the handler read: `del validators[address]`, and the session ends. */
  private evict(c: number): void {
    const connection = this.connections[c] as Connection;
    if (!connection.open) return;
    this.noteThreads();
    this.validatorsMap.delete(connection.address);
    connection.open = false;
    this.openConnections--;
    this.counters.evictions++;
    if (this.scenario.rewards.withdrawOnLeave) this.validators.stake[c] = 0;
    if (!this.seedRules) {
      this.stopSyncSenderOf(c);
      this.validators.announcementsReceived[c] = this.counters.announcementsMade - connection.announcementsBefore;
    }
  }

  /** No client will type again: the run may end once no block waits (without a fixed duration). */
  noMoreInput(): void {
    this.clientsDone = true;
    this.stopIfIdle();
  }

  // Periodic threads

  /** Intake: move every waiting candidate to temp_blocks, then sleep. */
  protected intakeWakes(): void {
    this.moveCandidates();
    if (this.lotteryAlive && this.literalLoopSpinning && this.tempBlocks.length > 0) {
      this.clock.schedule(this.clock.nowUs, PRIORITY.lottery, 0, () => this.pickWinner());
    }
    this.stopIfIdle();
    const sleepUs = this.scenario.timings.intakeUs + this.jitter(this.streams.intakeJitter);
    this.clock.schedule(this.clock.nowUs + sleepUs, PRIORITY.intake, 0, () => this.intakeWakes());
  }

  /** The intake's drain: `candidate_blocks` to the end of `temp_blocks`. */
  protected moveCandidates(): void {
    const moved = this.candidateBlocks.splice(0);
    this.tempBlocks.push(...moved);
    if (!this.lotteryAlive) {
      // Nobody reads temp_blocks again.
      this.counters.candidatesAfterHalt += moved.length;
      this.tempBlocks = [];
    }
  }

  /** A sleep of `periodUs` plus the jitter of `stream`. */
  protected sleepUs(periodUs: number, stream: RandomStream): number {
    return periodUs + this.jitter(stream);
  }

  /** The lottery thread's wake-up: every lotteryUs (periodic), or once, after which the literal loop spins. */
  protected lotteryWakes(): void {
    this.pickWinner();
    if (this.scenario.lottery === 'literal') {
      this.literalLoopSpinning = true;
      return;
    }
    if (!this.lotteryAlive) return;
    const sleepUs = this.scenario.timings.lotteryUs + this.jitter(this.streams.lotteryJitter);
    this.clock.schedule(this.clock.nowUs + sleepUs, PRIORITY.lottery, 0, () => this.lotteryWakes());
  }

  /** One pass of `pick_winner`'s loop body. */
  private pickWinner(): void {
    if (!this.lotteryAlive || this.tempBlocks.length === 0) return;
    const outcome = this.drawRound(this.tempBlocks);
    if (outcome === 'ended') return;
    this.tempBlocks = [];
    if (outcome === 'drawn') this.afterRound();
  }

  /**
   * Draws a round from `blocks` (temp_blocks as the lottery read it) and appends the
   * winner's block; temp_blocks itself is the caller's to clear. 'ended': the lottery
   * thread died, or the run stopped.
   */
  protected drawRound(blocks: readonly Candidate[]): 'drawn' | 'skipped' | 'ended' {
    const pool = this.lotteryPool(blocks);
    if (pool === 'crashed') {
      this.halt('bad-balance'); // range(bytes) raises (quirk 4)
      return 'ended';
    }
    const candidates = blocks.length;
    if (pool.length === 0) {
      if (this.seedRules) {
        this.halt('empty-pool'); // choice([]) raises (quirk 3)
        return 'ended';
      }
      this.counters.emptyPoolsSkipped++;
      this.counters.candidatesDiscarded += candidates;
      return 'skipped';
    }
    const poolStake = pool.reduce((sum, m) => sum + m.tickets, 0);
    // pos-sim's own bound, not the seed's: a draw from 2^53 tickets or more would not be exact.
    if (poolStake >= 2 ** 53) {
      this.stop('stake-limit');
      return 'ended';
    }
    const winner = drawTicket(pool, poolStake, this.streams.lottery);
    for (const member of pool) {
      const p = member.tickets / poolStake;
      const c = member.block.connection;
      const v = this.validators;
      if (this.exactWins.tracks(v.expectedWins[c] as number)) this.exactWins.addRound(c, p);
      v.roundsInPool[c] = (v.roundsInPool[c] as number) + 1;
      v.expectedWins[c] = (v.expectedWins[c] as number) + p;
      v.winVariance[c] = (v.winVariance[c] as number) + p * (1 - p);
    }
    this.pit.record(ticketsBefore(pool, winner), winner.tickets, poolStake);
    this.appendWinner(winner.block, winner.tickets, pool.length, poolStake);
    this.counters.candidatesDiscarded += candidates - 1;
    return 'drawn';
  }

  /** After a drawn round and temp_blocks cleared: the run may be over. */
  protected afterRound(): void {
    if (this.scenario.rounds !== null && this.counters.rounds >= this.scenario.rounds) this.stop('rounds');
    else this.stopIfIdle();
  }

  /** The pool: each address's first block in `blocks`, if `validators[address]` is truthy, with that many tickets. */
  protected lotteryPool(blocks: readonly Candidate[]): Array<{ block: Candidate; tickets: number }> | 'crashed' {
    const pool: Array<{ block: Candidate; tickets: number }> = [];
    const seen = new Set<string>();
    for (const block of blocks) {
      if (seen.has(block.address)) continue;
      const balance = this.validatorsMap.get(block.address);
      if (balance === undefined) continue;
      if (balance.kind === 'bytes') {
        if (balance.text.length > 0) return 'crashed';
        continue; // b'' is falsy
      }
      if (balance.value <= 0) continue; // range(0) and range(-5) are empty
      seen.add(block.address);
      pool.push({ block, tickets: balance.value });
    }
    return pool;
  }

  /** Appends the winner's block (seed: built on its submission-time tip; fixed: on the current tip), pays, announces. */
  private appendWinner(candidate: Candidate, tickets: number, poolSize: number, poolStake: number): void {
    const tip = this.chain[this.chain.length - 1] as Block;
    const builtOn = this.seedRules ? candidate.builtOn : tip;
    const timestamp = pythonDatetimeText(this.startEpochUs + candidate.submittedUs);
    const block = generateBlock(builtOn, candidate.bpm, timestamp, this.addresses[candidate.connection] as string);
    const stale = !follows(block, tip);
    this.appendToChain(block);
    const c = this.counters;
    c.rounds++;
    if (stale) {
      c.staleBlocksAppended++;
      if (c.firstStaleRound === null) c.firstStaleRound = c.rounds;
    }
    const winner = candidate.connection;
    this.validators.wins[winner] = (this.validators.wins[winner] as number) + 1;
    this.payReward(winner, candidate.address);
    const record: RoundRecord = {
      round: c.rounds,
      timeUs: this.clock.nowUs,
      poolValidators: poolSize,
      poolStake,
      winner,
      winnerStake: tickets,
      winnerP: tickets / poolStake,
      blockIndex: block.index,
      blockPosition: this.chain.length - 1,
      stale,
    };
    this.observer.round(record);
    this.announce();
  }

  private appendToChain(block: Block): void {
    this.chain.push(block);
    this.observer.block?.(block.json);
  }

  /** What the scenario's reward rule pays the winner, added to its balance (the seed pays nothing). */
  private payReward(c: number, address: string): void {
    const { rule, capStake } = this.scenario.rewards;
    if (rule.kind === 'none') return;
    const stake = this.validators.stake;
    let reward =
      rule.kind === 'constant'
        ? rule.amount
        : rule.kind === 'inflation'
          ? Math.floor(rule.rate * stake.reduce((sum, s) => sum + s, 0))
          : Math.floor(rule.initial * rule.ratio ** (this.counters.rounds - 1));
    if (capStake !== null) reward = Math.max(0, Math.min(reward, capStake - (stake[c] as number)));
    if (reward === 0) return;
    const balance = this.validatorsMap.get(address);
    if (balance?.kind === 'int') this.validatorsMap.set(address, { kind: 'int', value: balance.value + reward });
    stake[c] = (stake[c] as number) + reward;
  }

  /** `announcements.put(msg)`; under the fixed rules every open connection hears it at once. */
  private announce(): void {
    this.counters.announcementsMade++;
    if (this.seedRules) this.announcements++;
    else this.counters.announcementsDelivered += this.openConnections;
  }

  /** The lottery thread dies (quirks 3 and 4); the blocks it would have read are lost. */
  protected halt(reason: 'empty-pool' | 'bad-balance'): void {
    this.noteThreads();
    this.lotteryAlive = false;
    this.counters.halt = { reason, timeUs: this.clock.nowUs, afterRound: this.counters.rounds };
    this.counters.candidatesAfterHalt += this.tempBlocks.length + this.candidateBlocks.length;
    this.tempBlocks = [];
    this.candidateBlocks.length = 0;
    if (this.scenario.durationUs === null) this.stop('halted');
  }

  /** Seed: a sender per BPM line, forever. Fixed: one per connection, until it closes. */
  protected spawnSyncSender(c: number): void {
    const sender: SyncSender = { alive: true };
    this.sendersAlive++;
    if (!this.seedRules) this.fixedSenders[c] = sender;
    const periodUs = this.scenario.timings.syncUs;
    const wake = (): void => {
      if (!sender.alive) return;
      this.syncWrite();
      this.clock.schedule(this.clock.nowUs + periodUs, PRIORITY.connectionThreads, c, wake);
    };
    this.clock.schedule(this.clock.nowUs + periodUs, PRIORITY.connectionThreads, c, wake);
  }

  private stopSyncSenderOf(c: number): void {
    const sender = this.fixedSenders[c];
    if (sender?.alive) {
      sender.alive = false;
      this.sendersAlive--;
    }
  }

  /** `request.send(json.dumps(block_chain) + '\n')`. */
  protected syncWrite(): void {
    if (this.chainBytes.blocks !== this.chain.length) {
      this.chainBytes = { blocks: this.chain.length, bytes: Buffer.byteLength(chainJson(this.chain)) + 1 };
    }
    this.counters.syncMessages++;
    this.counters.syncBytes += BigInt(this.chainBytes.bytes);
  }

  /**
   * An announcement poller of connection `c` (seed rules): it polls at once, then
   * every pollUs: it takes messages while there are any and sends them; if its
   * connection is closed the send fails, the message is lost and the thread dies.
   */
  protected spawnPoller(c: number): void {
    this.pollersAlive++;
    this.poll(c);
    const periodUs = this.scenario.timings.pollUs;
    const wake = (): void => {
      if (!this.poll(c)) return;
      this.clock.schedule(this.clock.nowUs + periodUs, PRIORITY.connectionThreads, c, wake);
    };
    this.clock.schedule(this.clock.nowUs + periodUs, PRIORITY.connectionThreads, c, wake);
  }

  /** One poll of a poller of connection `c`. Returns whether the poller lives on. */
  protected poll(c: number): boolean {
    if (this.announcements === 0) return true;
    if (!(this.connections[c] as Connection).open) {
      this.noteThreads();
      this.announcements--;
      this.counters.announcementsLost++;
      this.pollersAlive--;
      return false;
    }
    this.counters.announcementsDelivered += this.announcements;
    this.validators.announcementsReceived[c] = (this.validators.announcementsReceived[c] as number) + this.announcements;
    this.announcements = 0;
    return true;
  }

  // The run's bookkeeping (not the seed's): period reports, stop conditions, thread counts

  /** quirks.csv's row: the state at the end of a sync period, after everything of that instant. */
  private periodEnds(): void {
    this.report();
    this.clock.schedule(this.clock.nowUs + this.scenario.timings.syncUs, PRIORITY.periodReport, 0, () => this.periodEnds());
  }

  private report(): void {
    const c = this.counters;
    const record: PeriodRecord = {
      timeUs: this.clock.nowUs,
      rounds: c.rounds,
      staleBlocks: c.staleBlocksAppended,
      lotteryAlive: this.lotteryAlive,
      announcementsMade: c.announcementsMade,
      announcementsDelivered: c.announcementsDelivered,
      announcementsLost: c.announcementsLost,
      syncMessages: c.syncMessages - this.syncAtLastReport.messages,
      syncBytes: Number(c.syncBytes - this.syncAtLastReport.bytes),
      threads: this.threadCount(),
    };
    this.syncAtLastReport = { messages: c.syncMessages, bytes: c.syncBytes };
    this.lastReportUs = this.clock.nowUs;
    this.observer.period?.(record);
  }

  /** The run ended at `endUs`: the last (partial) period's row and the end-of-run counts. */
  finish(endUs: number): void {
    this.exactWins.finish(this.validators.expectedWins);
    if (endUs > this.lastReportUs) this.report();
    this.counters.announcementsPending = this.announcements;
    if (!this.seedRules) {
      this.connections.forEach((connection, c) => {
        if (connection.open) {
          this.validators.announcementsReceived[c] = this.counters.announcementsMade - connection.announcementsBefore;
        }
      });
    }
    this.noteThreads();
    this.counters.threadsAtEnd = this.threadCount();
  }

  /** The run ends when no client will type again and no block waits (unless it has a fixed duration). */
  protected stopIfIdle(): void {
    const waiting = this.tempBlocks.length + this.candidateBlocks.length;
    if (this.clientsDone && this.scenario.durationUs === null && waiting === 0) this.stop('idle');
  }

  private stop(reason: StopReason): void {
    this.stopReason = reason;
    this.clock.stop();
  }

  /** Threads alive: main, intake, lottery (while alive), and per connection (seed: handler + pollers + senders; fixed: 3). */
  private threadCount(): number {
    const server = 2 + (this.lotteryAlive ? 1 : 0);
    if (this.seedRules) return server + this.openConnections + this.pollersAlive + this.sendersAlive;
    return server + 3 * this.openConnections;
  }

  /** Keeps the busiest moment: called after threads are added and before any die. */
  protected noteThreads(): void {
    this.counters.peakThreads = Math.max(this.counters.peakThreads, this.threadCount());
  }

  /** A sleep's extra delay: a whole number of ms, uniform in [0, jitter]. */
  private jitter(stream: RandomStream): number {
    const maxMs = this.scenario.timings.jitterUs / 1000;
    return maxMs === 0 ? 0 : stream.nextIntBelow(maxMs + 1) * 1000;
  }
}

/** Tickets of the pool's members before `winner`, in pool order. */
function ticketsBefore<T extends { tickets: number }>(pool: readonly T[], winner: T): number {
  let before = 0;
  for (const member of pool) {
    if (member === winner) return before;
    before += member.tickets;
  }
  throw new Error('ticketsBefore: the winner is not in the pool');
}

/** `choice()` over one entry per token, without the list: ticket t belongs to the member whose range holds it. */
function drawTicket<T extends { tickets: number }>(pool: readonly T[], poolStake: number, stream: RandomStream): T {
  let ticket = stream.nextIntBelow(poolStake);
  for (const member of pool) {
    if (ticket < member.tickets) return member;
    ticket -= member.tickets;
  }
  throw new Error('drawTicket: the pool has fewer tickets than its stake');
}

/** A Python int as a JS number; pos-sim cannot replay one a double does not hold exactly. */
function exactNumber(value: bigint, what: string): number {
  if (value > BigInt(Number.MAX_SAFE_INTEGER) || value < -BigInt(Number.MAX_SAFE_INTEGER)) {
    throw new RangeError(`${what} ${value} is beyond 2^53: pos-sim cannot replay it exactly`);
  }
  return Number(value);
}
