/**
 * Running a chunk of a sweep: the cell as a scenario of its own, then its
 * replications exactly as `pos-sim run --replications` runs them (replication k of a
 * cell is replication k of the cell's scenario, whose seed is the cell's seed).
 */
import { runReplication, type ReplicationOutcome } from '../replications/run-replication.js';
import { trackedSeries, type TrackedSeries } from '../scenario/tracked-series.js';
import { resolveScenario } from '../scenario/resolve.js';
import type { ScenarioDocument } from '../scenario/schema.js';
import type { ResolvedScenario } from '../scenario/types.js';
import type { SweepChunk } from './chunks.js';

export interface ReadyCell {
  readonly scenario: ResolvedScenario;
  readonly tracked: readonly TrackedSeries[];
}

/**
 * The cell's scenario and the series it tracks: the scenario's `track` names, else
 * every group. Not a run's default five largest validators: each cell draws its own
 * population (its seed is its own), so "the largest" would be different validators
 * in each cell and their columns could not be compared.
 */
export function readyCell(document: ScenarioDocument, file: string): ReadyCell {
  const scenario = resolveScenario(document, file);
  const tracked = trackedSeries(scenario);
  return { scenario, tracked: scenario.track.length > 0 ? tracked : tracked.filter((s) => s.name.startsWith('group:')) };
}

/** The chunk's replications, in order. */
export function runChunk(cell: ReadyCell, chunk: SweepChunk): ReplicationOutcome[] {
  return Array.from({ length: chunk.count }, (_, i) => runReplication(cell.scenario, chunk.first + i, cell.tracked));
}

/**
 * Keeps the last cell made ready: a worker takes chunks in order, so consecutive
 * chunks are mostly of one cell, and resolving a large population is not free.
 */
export class CellCache {
  private last: { cell: number; ready: ReadyCell } | null = null;

  constructor(
    private readonly documents: readonly ScenarioDocument[],
    private readonly file: string,
  ) {}

  get(cell: number): ReadyCell {
    if (this.last?.cell !== cell) {
      const document = this.documents[cell];
      if (document === undefined) throw new RangeError(`CellCache: no cell ${cell}`);
      this.last = { cell, ready: readyCell(document, this.file) };
    }
    return this.last.ready;
  }
}
