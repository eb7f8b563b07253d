/**
 * Shard folders and `pos-sim merge`. A shard folder holds what merge needs and
 * nothing it could get wrong: the sweep's file text, its digest, which shard of how
 * many it is, and its chunks' outcomes.
 *
 *   shard.json     {digest, shard: {index, count}, scenarioFile, version, chunks: [ids]}
 *   scenario.yaml  the sweep's file, as it was read
 *   chunks/ID.json one chunk's outcomes
 *
 * Merge checks that the shards are of one sweep (one digest and shard count), that
 * each of 0..n-1 is there once, and that every chunk of the sweep is in the shard
 * that owns it; then it writes the folder `pos-sim sweep` would have written.
 */
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadSweep } from '../scenario/load.js';
import { sweepChunks, type Shard, type SweepChunk } from '../sweep/chunks.js';
import { sweepDigest, type SweepIdentity } from '../sweep/sweep-manifest.js';
import { ResultsFolder } from './results-folder.js';
import { cellOutcomes } from '../sweep/run-sweep.js';
import { writeSweepResults } from './sweep-results.js';
import { readChunkFile } from './sweep-work-folder.js';
import { UserError } from './user-error.js';
import { MERGE_NEEDS_A_SHARD, notAShardManifest, shardCountDiffers, shardGivenTwice, shardLacksChunk, shardManifestUnreadable, shardOfAnotherSweep, shardScenarioChanged, shardsMissing } from './messages.js';

interface ShardManifest {
  tool: { name: 'pos-sim'; version: string };
  kind: 'sweep-shard';
  digest: string;
  shard: Shard;
  scenarioFile: string;
  chunks: string[];
}

export function writeShardFolder(folder: ResultsFolder, identity: SweepIdentity, shard: Shard, chunks: readonly SweepChunk[], chunkFile: (c: SweepChunk) => string): void {
  mkdirSync(folder.file('chunks'));
  for (const chunk of chunks) copyFileSync(chunkFile(chunk), folder.file(join('chunks', `${chunk.id}.json`)));
  writeFileSync(folder.file('scenario.yaml'), identity.text);
  const manifest: ShardManifest = {
    tool: { name: 'pos-sim', version: identity.version },
    kind: 'sweep-shard',
    digest: identity.digest,
    shard,
    scenarioFile: identity.scenarioFile,
    chunks: chunks.map((c) => c.id),
  };
  // Named manifest.json, as every pos-sim folder: --force may replace it, and merge finds the rest from it.
  writeFileSync(folder.file('manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
}

export interface MergeOptions {
  readonly out: string;
  readonly shards: readonly string[];
  readonly force: boolean;
  readonly quiet: boolean;
}

export async function mergeCommand(options: MergeOptions): Promise<{ path: string; cells: number; shards: number }> {
  const shards = options.shards.map((dir) => ({ dir, manifest: readShardManifest(dir) }));
  const first = shards[0];
  if (first === undefined) throw new UserError(MERGE_NEEDS_A_SHARD);
  const { digest, shard, scenarioFile, tool } = first.manifest;
  for (const { dir, manifest } of shards) {
    if (manifest.digest !== digest) throw new UserError(shardOfAnotherSweep(dir, manifest.digest.slice(0, 16), digest.slice(0, 16), first.dir));
    if (manifest.shard.count !== shard.count) throw new UserError(shardCountDiffers(dir, manifest.shard.index, manifest.shard.count, first.dir, shard.count));
  }
  const byIndex = new Map<number, (typeof shards)[number]>();
  for (const s of shards) {
    const other = byIndex.get(s.manifest.shard.index);
    if (other) throw new UserError(shardGivenTwice(s.manifest.shard.index, shard.count, other.dir, s.dir));
    byIndex.set(s.manifest.shard.index, s);
  }
  const missing = Array.from({ length: shard.count }, (_, i) => i).filter((i) => !byIndex.has(i));
  if (missing.length > 0) throw new UserError(shardsMissing(missing, shard.count));
  const text = readFileSync(join(first.dir, 'scenario.yaml'), 'utf8');
  if (sweepDigest(text, tool.version) !== digest) throw new UserError(shardScenarioChanged(first.dir));
  const { plan, base } = loadSweep(scenarioFile, text);
  const chunks = sweepChunks(plan);
  const chunkPath = (chunk: SweepChunk): string => {
    const owner = byIndex.get(chunk.index % shard.count) as (typeof shards)[number];
    const path = join(owner.dir, 'chunks', `${chunk.id}.json`);
    if (!owner.manifest.chunks.includes(chunk.id) || !existsSync(path)) throw new UserError(shardLacksChunk(owner.dir, chunk.id, chunk.cell, chunk.first, chunk.first + chunk.count - 1));
    return path;
  };
  const outcomes = cellOutcomes(plan, chunks, (chunk) => readChunkFile(chunkPath(chunk)));
  const folder = new ResultsFolder(options.out, { kind: 'exact', force: options.force });
  try {
    await writeSweepResults(folder, { scenarioFile, text, digest, version: tool.version }, base, plan, outcomes, { quiet: options.quiet });
    folder.commit();
  } catch (error) {
    folder.discard();
    throw error;
  }
  return { path: folder.finalPath, cells: plan.cells.length, shards: shard.count };
}

function readShardManifest(dir: string): ShardManifest {
  let manifest: Partial<ShardManifest>;
  try {
    manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as Partial<ShardManifest>;
  } catch (error) {
    throw new UserError(shardManifestUnreadable(dir, (error as Error).message));
  }
  if (manifest.kind !== 'sweep-shard' || typeof manifest.digest !== 'string' || manifest.shard === undefined || !Array.isArray(manifest.chunks)) {
    throw new UserError(notAShardManifest(dir));
  }
  return manifest as ShardManifest;
}
