import { deriveStream } from '../rng/stream.js';

/**
 * Seed of replication k: the run seed itself for k = 0 (so replication 0 is the plain
 * run), and for k >= 1 a number derived from (run seed, k) alone, so replication k's
 * results never depend on how many replications run or in which order.
 */
export function replicationSeed(runSeed: number, k: number): number {
  if (!Number.isInteger(k) || k < 0) throw new RangeError(`replicationSeed: k must be an integer >= 0, got ${k}`);
  return k === 0 ? runSeed : deriveStream(runSeed, 'replication', String(k)).nextUint32();
}
