/**
 * A sweep's identity and its manifest. Nothing here reads a clock, a host or the
 * command line: a sweep's folder is the same bytes however it was run (any number of
 * workers, in shards merged later, resumed after a kill).
 */
import { createHash } from 'node:crypto';
import type { SweepPlan } from '../scenario/sweep.js';
import { CHUNK_REPLICATIONS } from './chunks.js';

/**
 * The sweep's digest: its file's text, the chunk size and pos-sim's version. Two runs
 * with the same digest compute the same chunks, so their chunk files can be mixed
 * (resume, merge); a changed file or pos-sim gets a new digest and starts afresh.
 */
export function sweepDigest(text: string, version: string): string {
  return createHash('sha256').update(JSON.stringify({ format: 'pos-sim-sweep/1', version, chunkReplications: CHUNK_REPLICATIONS, text })).digest('hex');
}

export interface SweepIdentity {
  /** The scenario file's name (not its path: the same sweep run from another folder is the same sweep). */
  readonly scenarioFile: string;
  readonly text: string;
  readonly digest: string;
  readonly version: string;
}

export function sweepManifest(identity: SweepIdentity, plan: SweepPlan, files: readonly string[]): unknown {
  return {
    tool: { name: 'pos-sim', version: identity.version },
    kind: 'sweep',
    scenarioFile: identity.scenarioFile,
    digest: identity.digest,
    replications: plan.replications,
    chunkReplications: CHUNK_REPLICATIONS,
    fields: plan.fields,
    cells: plan.cells.map((cell) => ({
      cell: cell.index,
      values: Object.fromEntries(cell.values),
      key: cell.key,
      seed: cell.seed,
      // The cell as a scenario of its own: `pos-sim run` on it with --replications gives the same numbers.
      scenario: cell.document,
      digest: createHash('sha256').update(JSON.stringify(cell.document)).digest('hex'),
    })),
    files,
    scenarioSource: identity.text,
  };
}
