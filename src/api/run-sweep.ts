import type { ReplicationOutcome } from '../replications/run-replication.js';
import type { ScenarioDocument, SweepValue } from '../scenario/schema.js';
import type { CellSummary } from '../sweep/cell-summary.js';
import { runSweepPlan } from '../sweep/run-sweep.js';
import { readSweepSource } from '../cli/scenario-file.js';

export interface RunSweepOptions {
  /** Threads, this one included (default 1); results are the same for any number. */
  readonly workers?: number;
  /** Called as chunks (4 replications of one cell) finish. */
  readonly onProgress?: (chunksDone: number, chunks: number) => void;
}

/** One cell of a sweep: its values, its own scenario and seed, and what its replications say. */
export interface SweepCellResults {
  readonly index: number;
  /** Field -> value, e.g. `{ 'rewards.constant': 20 }`. */
  readonly values: Readonly<Record<string, SweepValue>>;
  readonly seed: number;
  /** The cell as a scenario of its own (`pos-sim run` on it gives the same replications). */
  readonly scenario: ScenarioDocument;
  /** Means and 95% intervals over the replications: the row of cells.csv. */
  readonly summary: CellSummary;
  /** Every replication, in order: the rows of replications.csv. */
  readonly replications: readonly ReplicationOutcome[];
}

export interface SweepResults {
  /** Every swept field, in order of appearance. */
  readonly fields: readonly string[];
  readonly replications: number;
  readonly cells: readonly SweepCellResults[];
}

/**
 * Runs a sweep file (a scenario with a `sweep:` block) in this process and returns
 * every cell's summary and replications, without writing a file: the same chunks and
 * pool as `pos-sim sweep` (which also saves each chunk, so it can resume and shard),
 * so the numbers are those of its cells.csv and replications.csv.
 * @throws ScenarioError listing every problem of the file or of a cell
 * @example (await runSweep('scenarios/reward-schemes.yaml', { workers: 2 })).cells[0].summary.stakeGini.mean
 */
export async function runSweep(path: string, options: RunSweepOptions = {}): Promise<SweepResults> {
  const workers = options.workers ?? 1;
  if (!(Number.isInteger(workers) && workers >= 1)) throw new RangeError(`runSweep: workers must be an integer >= 1, got ${workers}`);
  const { plan } = readSweepSource(path).sweep;
  const cells = await runSweepPlan(plan, path, {
    workers,
    between: () => new Promise((resolve) => setImmediate(resolve)),
    ...(options.onProgress ? { onChunk: options.onProgress } : {}),
  });
  return {
    fields: plan.fields,
    replications: plan.replications,
    cells: cells.map(({ cell, summary, replications }) => ({
      index: cell.index,
      values: Object.fromEntries(cell.values),
      seed: cell.seed,
      scenario: cell.document,
      summary,
      replications,
    })),
  };
}
