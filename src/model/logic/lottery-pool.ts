import { grown } from '../../engine/grown.js';
import type { CandidateBlocks } from './candidate-blocks.js';
import { CRASHES_LOTTERY, type ValidatorsTable } from './validators-table.js';

/** Entries the buffers start with. */
const FIRST_SIZE = 64;

/** {@link LotteryPool.build}'s result when a balance makes `range()` raise. */
export const POOL_CRASHED = -1;

/**
 * One round's lottery pool, built as `pick_winner` builds it: walk `temp_blocks` in
 * order; the first block of each address with tickets adds the address, with its
 * balance as tickets, and that block is the one appended if it wins. Buffers are
 * reused between rounds.
 */
export class LotteryPool {
  /** Tickets of each member, in pool order (first `size` entries). */
  stakes = new Float64Array(FIRST_SIZE);
  /** Ring slot of each member's first block. */
  blockSlots = new Int32Array(FIRST_SIZE);
  size = 0;
  total = 0;
  private seenInRound = new Float64Array(FIRST_SIZE);
  private round = 0;

  /** Builds the pool of the current temp blocks; returns its size, or {@link POOL_CRASHED}. */
  build(blocks: CandidateBlocks, table: ValidatorsTable): number {
    if (this.seenInRound.length < table.size) this.grow(table.size);
    const stamp = ++this.round;
    const seen = this.seenInRound;
    const tempCount = blocks.tempCount;
    let size = 0;
    let total = 0;
    for (let i = 0; i < tempCount; i++) {
      const blockSlot = blocks.tempSlot(i);
      const slot = blocks.address[blockSlot] as number;
      if (seen[slot] === stamp) continue;
      const tickets = table.tickets(slot);
      if (tickets === CRASHES_LOTTERY) return POOL_CRASHED;
      if (tickets === 0) continue; // not added: looked up again at its next block, as in the seed
      seen[slot] = stamp;
      this.stakes[size] = tickets;
      this.blockSlots[size] = blockSlot;
      size++;
      total += tickets;
    }
    this.size = size;
    this.total = total;
    return size;
  }

  /**
   * Lets the buffers go, back to their first size; the next {@link build} grows them
   * again. For rounds the cohort pool draws (see the server): a steady pool of a million
   * members would otherwise hold 20 MB here that no round reads.
   */
  release(): void {
    if (this.seenInRound.length <= FIRST_SIZE) return;
    this.seenInRound = new Float64Array(FIRST_SIZE);
    this.stakes = new Float64Array(FIRST_SIZE);
    this.blockSlots = new Int32Array(FIRST_SIZE);
  }

  private grow(addresses: number): void {
    let n = this.seenInRound.length;
    while (n < addresses) n *= 2;
    this.seenInRound = grown(this.seenInRound, n);
    this.stakes = new Float64Array(n);
    this.blockSlots = new Int32Array(n);
  }
}
