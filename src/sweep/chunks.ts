/**
 * A sweep's work, cut into chunks: consecutive replications of one cell. A chunk is
 * what a worker takes, what a finished run writes to disk at once (so a killed sweep
 * resumes from its finished chunks), and what a shard owns (chunk index mod shards).
 */
import { createHash } from 'node:crypto';
import type { SweepPlan } from '../scenario/sweep.js';

/**
 * Replications per chunk: big enough that a chunk's set-up (resolving the cell, a
 * file) is small beside its runs, small enough to spread 2 cells x 10 replications
 * over a few cores and to lose little work to a kill.
 */
export const CHUNK_REPLICATIONS = 4;

export interface SweepChunk {
  /** Position among all chunks: cells in order, then replications. */
  readonly index: number;
  readonly cell: number;
  /** Its replications are first, first + 1, ..., first + count - 1. */
  readonly first: number;
  readonly count: number;
  /** A file name for its outcomes, from the cell's key (not its position) and `first`. */
  readonly id: string;
}

export function sweepChunks(plan: SweepPlan): SweepChunk[] {
  const chunks: SweepChunk[] = [];
  for (const cell of plan.cells) {
    const cellId = createHash('sha256').update(cell.key).digest('hex').slice(0, 16);
    for (let first = 0; first < plan.replications; first += CHUNK_REPLICATIONS) {
      const count = Math.min(CHUNK_REPLICATIONS, plan.replications - first);
      chunks.push({ index: chunks.length, cell: cell.index, first, count, id: `${cellId}-r${first}` });
    }
  }
  return chunks;
}

/** Shard `index` of `count` (0-based). */
export interface Shard {
  readonly index: number;
  readonly count: number;
}

/** The chunks shard i of n runs: those whose index is i mod n. */
export function shardChunks(chunks: readonly SweepChunk[], shard: Shard): SweepChunk[] {
  return chunks.filter((c) => c.index % shard.count === shard.index);
}
