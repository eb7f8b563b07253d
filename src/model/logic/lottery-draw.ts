import type { RandomStream } from '../../rng/stream.js';

/**
 * Draws one ticket uniformly from `total` tickets and returns which pool member holds
 * it, members holding consecutive ticket ranges in pool order (member i holds
 * [stake_0 + ... + stake_{i-1}, ... + stake_i)). This is exactly `choice()` over the
 * seed's one-entry-per-token list, at O(pool) cost instead of O(total stake).
 * @param stakes pool members' stakes (positive integers), first `count` used
 * @param total their sum (below 2^53)
 */
export function drawPoolMember(stakes: Float64Array, count: number, total: number, rng: RandomStream): number {
  let ticket = rng.nextIntBelow(total);
  for (let i = 0; i < count; i++) {
    const stake = stakes[i] as number;
    if (ticket < stake) return i;
    ticket -= stake;
  }
  throw new Error(`drawPoolMember: stakes of ${count} members do not add up to ${total}`);
}
