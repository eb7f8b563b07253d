/**
 * Test support: the replication pool started and given its work at once, and
 * replications on N threads in one call (the CLI opens the pool before it has read the
 * scenario, so it uses the two steps apart).
 */
import { openReplicationPool, runReplicationsInThread, type ReplicationPool } from '../../src/cli/replication-pool.js';
import type { ReplicationOutcome } from '../../src/replications/run-replication.js';
import type { TrackedSeries } from '../../src/scenario/tracked-series.js';
import type { ResolvedScenario } from '../../src/scenario/types.js';

/** {@link openReplicationPool} and {@link ReplicationPool.begin} at once. */
export function startReplicationPool(
  scenario: ResolvedScenario,
  tracked: readonly TrackedSeries[],
  ks: readonly number[],
  workers: number,
  onDone: () => void,
): ReplicationPool {
  const pool = openReplicationPool(ks, workers, onDone);
  pool.begin(scenario, tracked);
  return pool;
}

/**
 * Replications `ks` on `workers` threads, this one included (only this one when 1),
 * outcomes in the order of `ks`.
 */
export async function runReplications(
  scenario: ResolvedScenario,
  tracked: readonly TrackedSeries[],
  ks: readonly number[],
  workers: number,
  onDone: () => void = () => undefined,
): Promise<ReplicationOutcome[]> {
  if (workers <= 1) return runReplicationsInThread(scenario, tracked, ks, onDone);
  const pool = startReplicationPool(scenario, tracked, ks, workers - 1, onDone);
  await pool.work();
  return pool.outcomes();
}

