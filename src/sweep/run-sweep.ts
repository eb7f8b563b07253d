/**
 * A whole sweep in memory: every chunk through the pool, then each cell's outcomes
 * in replication order and their summary. `pos-sim sweep` runs the same chunks
 * through the same pool, saving each as it finishes (so it can resume and shard).
 */
import type { ReplicationOutcome } from '../replications/run-replication.js';
import type { SweepCell, SweepPlan } from '../scenario/sweep.js';
import { summarizeCell, type CellSummary } from './cell-summary.js';
import { sweepChunks, type SweepChunk } from './chunks.js';
import { runChunks } from './pool.js';

export interface SweepCellResult {
  readonly cell: SweepCell;
  readonly summary: CellSummary;
  /** Its replications, in order. */
  readonly replications: readonly ReplicationOutcome[];
}

export async function runSweepPlan(
  plan: SweepPlan,
  file: string,
  options: { workers: number; between: () => Promise<void>; onChunk?: (done: number, total: number) => void },
): Promise<SweepCellResult[]> {
  const chunks = sweepChunks(plan);
  const byChunk = new Map<number, ReplicationOutcome[]>();
  const pool = runChunks({ file, documents: plan.cells.map((c) => c.document), chunks }, options.workers, (chunk, outcomes) => {
    // Through JSON, as a saved chunk is: the two paths give the same numbers (NaN reads back as null in both).
    byChunk.set(chunk.index, JSON.parse(JSON.stringify(outcomes)) as ReplicationOutcome[]);
    options.onChunk?.(byChunk.size, chunks.length);
  }, options.between);
  await pool.done;
  const outcomes = cellOutcomes(plan, chunks, (chunk) => byChunk.get(chunk.index) as ReplicationOutcome[]);
  return plan.cells.map((cell, c) => ({ cell, summary: summarizeCell(outcomes[c] as ReplicationOutcome[]), replications: outcomes[c] as ReplicationOutcome[] }));
}

/** Every cell's outcomes in replication order, from its chunks'. */
export function cellOutcomes(plan: SweepPlan, chunks: readonly SweepChunk[], read: (chunk: SweepChunk) => ReplicationOutcome[]): ReplicationOutcome[][] {
  const byCell = plan.cells.map((): ReplicationOutcome[] => []);
  for (const chunk of chunks) (byCell[chunk.cell] as ReplicationOutcome[]).push(...read(chunk));
  return byCell;
}
