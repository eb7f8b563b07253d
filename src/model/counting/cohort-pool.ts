import type { RandomStream } from '../../rng/stream.js';
import type { ValidatorTotals } from '../records.js';
import type { ExactWinSums } from './exact-win-sums.js';
import { addRepeated } from './repeated-sum.js';
import { CRASHES_LOTTERY, type ValidatorsTable } from '../logic/validators-table.js';

/**
 * The lottery pool of a round whose temp blocks are one whole cycle of a batch
 * source's members, each typing once, in the source's order rotated to start at some
 * position (see {@link PosServer}): the steady state of periodic clients. Such a pool
 * is the same every round until the validators table changes, up to the rotation, so
 * it is built once per table version instead of once per round, a draw is a binary
 * search on prefix stakes instead of a walk, and each member's per-round statistics
 * (rounds in pool, expected wins, their variance) wait as a count of rounds and are
 * added later, so that the sums are exactly the per-round ones ({@link addRepeated}).
 *
 * Only pools in which every member has its own address and no balance crashes the
 * lottery qualify ({@link prepare} says); others go the general way.
 */
export class CohortPool {
  private connections: Int32Array | null = null;
  private table: ValidatorsTable | null = null;
  private tableVersion = -1;
  private qualifies = false;
  /** Tickets of each position of the source's order (0: not in the pool). */
  private tickets = new Float64Array(0);
  /** prefix[i] = tickets of positions before i. */
  private prefix = new Float64Array(1);
  /** Pool members and their tickets in all. */
  members = 0;
  total = 0;
  /** Set by {@link countTickets}: no two members share an address, no balance crashes the lottery. */
  private eligible = true;
  /** Rounds drawn from this pool whose statistics are not yet added (see {@link settle}). */
  private pendingRounds = 0;
  /** Slots seen while building, to find shared addresses. */
  private slotSeen = new Uint8Array(0);

  /**
   * Makes this the pool of the source whose order is `connections`, as the table
   * stands (the slots of connections change only with the table). Returns whether it
   * qualifies; statistics pending for a previous pool are settled first.
   */
  prepare(connections: Int32Array, connectionSlot: Int32Array, table: ValidatorsTable, validators: ValidatorTotals, exact: ExactWinSums): boolean {
    if (connections === this.connections && table === this.table && table.version === this.tableVersion) return this.qualifies;
    this.settle(validators, exact);
    this.connections = connections;
    this.table = table;
    this.tableVersion = table.version;
    this.qualifies = this.build(connections, connectionSlot, table);
    return this.qualifies;
  }

  private build(connections: Int32Array, connectionSlot: Int32Array, table: ValidatorsTable): boolean {
    const n = connections.length;
    if (this.tickets.length !== n) {
      this.tickets = new Float64Array(n);
      this.prefix = new Float64Array(n + 1);
    }
    if (this.slotSeen.length < table.size) this.slotSeen = new Uint8Array(2 * table.size);
    this.slotSeen.fill(0);
    this.members = 0;
    this.total = 0;
    this.eligible = true;
    this.countTickets(connections, connectionSlot, table);
    return this.eligible && this.members > 0;
  }

  /**
   * The loop of {@link build}: tickets, prefix sums, members, and whether every member
   * has its own address and a balance that does not crash the lottery. The fields are
   * updated in the loop, so that nothing follows it (docs/performance.md).
   */
  private countTickets(connections: Int32Array, connectionSlot: Int32Array, table: ValidatorsTable): void {
    const n = connections.length;
    const seen = this.slotSeen;
    const ticketsAt = this.tickets;
    const prefix = this.prefix;
    let total = 0;
    prefix[0] = 0;
    for (let i = 0; i < n; i++) {
      const slot = connectionSlot[connections[i] as number] as number;
      // Positions that never connected have no slot; they never type, so never reach a pool here.
      const tickets = slot < 0 ? 0 : table.tickets(slot);
      if (tickets === CRASHES_LOTTERY || (slot >= 0 && seen[slot] === 1)) this.eligible = false;
      if (slot >= 0) seen[slot] = 1;
      const counted = tickets > 0 ? tickets : 0;
      ticketsAt[i] = counted;
      total += counted;
      prefix[i + 1] = total;
      this.total = total;
      if (counted > 0) this.members++;
    }
  }

  /**
   * Draws the winner of a round whose pool starts at position `start`: one ticket of
   * `total`, members holding consecutive ranges from `start` on, wrapping around (as
   * {@link drawPoolMember} walks them). Returns the winner's position.
   */
  draw(start: number, rng: RandomStream): number {
    const prefix = this.prefix;
    const n = this.tickets.length;
    const ticket = rng.nextIntBelow(this.total);
    const beforeWrap = this.total - (prefix[start] as number);
    // The position i whose range [prefix[i], prefix[i + 1]) holds the ticket, in source order.
    const target = ticket < beforeWrap ? ticket + (prefix[start] as number) : ticket - beforeWrap;
    let lo = ticket < beforeWrap ? start : 0;
    let hi = ticket < beforeWrap ? n - 1 : start - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if ((prefix[mid] as number) <= target) lo = mid;
      else hi = mid - 1;
    }
    this.pendingRounds++;
    return lo;
  }

  /** Tickets before the member at `position` in the pool's order from `start` on (wrapping around), as {@link draw} walks it. */
  ticketsBefore(position: number, start: number): number {
    const prefix = this.prefix;
    const fromStart = (prefix[position] as number) - (prefix[start] as number);
    return position >= start ? fromStart : this.total + fromStart;
  }

  /** Tickets of the member at `position`. */
  ticketsAt(position: number): number {
    return this.tickets[position] as number;
  }

  /**
   * Adds the pending rounds' statistics to the members' totals, as round-by-round sums
   * would be (see {@link addRepeated}). Members with the same tickets and the same totals
   * so far end with the same totals, so those are computed once ({@link SettledSums}): a
   * steady run settles every member once, at the end, with the same first round before
   * it, and a million validators hold a few thousand distinct stakes (the repeated sums
   * were 2.7 s of a 1,000,000-validator run).
   */
  settle(validators: ValidatorTotals, exact: ExactWinSums): void {
    const rounds = this.pendingRounds;
    if (rounds === 0 || this.connections === null) return;
    this.pendingRounds = 0;
    const connections = this.connections;
    const { roundsInPool, expectedWins, winVariance } = validators;
    const total = this.total;
    const ticketsAt = this.tickets;
    // Before the totals move: which validators take the rounds depends on their expected wins so far.
    if (exact.enabled) this.settleExact(expectedWins, exact, rounds);
    // One round (rewards change the pool every round): the plain sums, without a call or a memo.
    const settled: SettledSums | undefined = rounds === 1 ? undefined : new Map();
    for (let i = 0; i < connections.length; i++) {
      const tickets = ticketsAt[i] as number;
      if (tickets === 0) continue;
      const c = connections[i] as number;
      roundsInPool[c] = (roundsInPool[c] as number) + rounds;
      const p = tickets / total;
      const q = p * (1 - p);
      const expectedBefore = expectedWins[c] as number;
      const varianceBefore = winVariance[c] as number;
      if (settled === undefined) {
        expectedWins[c] = expectedBefore + p;
        winVariance[c] = varianceBefore + q;
        continue;
      }
      let sums = settled.get(tickets);
      if (sums === undefined || sums[0] !== expectedBefore || sums[1] !== varianceBefore) {
        sums = [expectedBefore, varianceBefore, addRepeated(expectedBefore, p, rounds), addRepeated(varianceBefore, q, rounds)];
        settled.set(tickets, sums);
      }
      expectedWins[c] = sums[2];
      winVariance[c] = sums[3];
    }
  }

  /** The pending rounds into the exact test's sums (see {@link ExactWinSums}); the loop sits alone (docs/performance.md). */
  private settleExact(expectedWins: Float64Array, exact: ExactWinSums, rounds: number): void {
    const connections = this.connections as Int32Array;
    const total = this.total;
    const ticketsAt = this.tickets;
    // Even for one round: validators of one stake and history then share a row of sums.
    const repeated = exact.repeatedSums();
    for (let i = 0; i < connections.length; i++) {
      const tickets = ticketsAt[i] as number;
      if (tickets === 0) continue;
      const c = connections[i] as number;
      const expectedBefore = expectedWins[c] as number;
      if (!exact.tracks(expectedBefore)) continue;
      exact.addRounds(c, tickets / total, rounds, expectedBefore, repeated);
    }
  }
}

/**
 * Per ticket count, the last member's expected wins and variance before and after one
 * settle's rounds: [expected, variance, expected after, variance after].
 */
type SettledSums = Map<number, [number, number, number, number]>;
