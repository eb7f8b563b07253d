/**
 * `pos-sim sweep FILE`: every cell x replication of a sweep, on every core, each
 * finished chunk saved at once (so `--resume` after a kill redoes only unfinished
 * chunks), then the results folder. With a shard (--shard i/n, or a cluster's job
 * array), only the chunks whose index is i mod n, into a shard folder for
 * `pos-sim merge`.
 *
 *   FILE -> cells (sweep.ts) -> chunks -> pool (this thread + workers) -> work folder
 *        -> results folder (cells.csv, replications.csv, charts, report.html, manifest.json)
 *           or a shard folder (its chunks, for merge)
 */
import { readFileSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { sweepChunks, shardChunks, type Shard } from '../sweep/chunks.js';
import { runChunks } from '../sweep/pool.js';
import { sweepDigest, type SweepIdentity } from '../sweep/sweep-manifest.js';
import { onInterrupt, yieldNowAndThen } from './interruption.js';
import { err } from './output.js';
import { createProgress } from './progress.js';
import { defaultResultsPath, ResultsFolder } from './results-folder.js';
import { readSweepSource } from './scenario-file.js';
import { cellOutcomes } from '../sweep/run-sweep.js';
import { writeSweepResults } from './sweep-results.js';
import { writeShardFolder } from './sweep-shards.js';
import { SweepWorkFolder } from './sweep-work-folder.js';
import { sweepResuming, sweepSaved } from './messages.js';

export interface SweepOptions {
  readonly scenarioPath: string;
  readonly out?: string | undefined;
  readonly force: boolean;
  readonly quiet: boolean;
  /** Threads, this one included. */
  readonly workers: number;
  readonly shard: Shard | null;
  readonly resume: boolean;
  readonly resultsRoot: string;
}

export interface SweepOutcome {
  readonly path: string;
  readonly cells: number;
  /** Chunks this process ran, and those a killed run had finished. */
  readonly chunksRun: number;
  readonly chunksResumed: number;
  readonly seconds: number;
}

export const packageVersion = (): string =>
  (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;

export async function sweepCommand(options: SweepOptions): Promise<SweepOutcome> {
  const started = Date.now();
  const { sweep, text } = readSweepSource(options.scenarioPath);
  const { plan, base } = sweep;
  const version = packageVersion();
  const identity: SweepIdentity = { scenarioFile: basename(options.scenarioPath), text, digest: sweepDigest(text, version), version };
  const shard = options.shard;
  const allChunks = sweepChunks(plan);
  const mine = shard === null ? allChunks : shardChunks(allChunks, shard);
  const shardName = shard === null ? '' : `-shard${shard.index}of${shard.count}`;
  const name = `${base.name}-sweep${shardName}`;
  const tell = (line: string) => err(`pos-sim: ${line}\n`);
  const parent = options.out === undefined ? options.resultsRoot : dirname(resolve(options.out));
  const work = new SweepWorkFolder(parent, `${name}-${identity.digest.slice(0, 16)}`, identity.digest, options.resume, options.quiet ? () => undefined : tell);
  const finished = work.finishedIds();
  const pending = mine.filter((c) => !finished.has(c.id));
  const resumed = mine.length - pending.length;
  if (resumed > 0 && !options.quiet) tell(sweepResuming(resumed, mine.length));

  const progress = createProgress(options.quiet, `${base.name} sweep`, 'chunks');
  let done = resumed;
  let stage = 'the replications';
  let pool: ReturnType<typeof runChunks> | null = null;
  let folder: ResultsFolder | null = null;
  const stopHandling = onInterrupt({
    stage: () => stage,
    cleanUp: () => {
      pool?.cancel();
      folder?.discard();
      return sweepSaved(done, mine.length, work.path);
    },
  });
  try {
    pool = runChunks({ file: options.scenarioPath, documents: plan.cells.map((c) => c.document), chunks: pending }, options.workers, (chunk, outcomes) => {
      work.saveChunk(chunk, outcomes);
      done += 1;
      progress.update(done / mine.length, done);
    }, yieldNowAndThen);
    await pool.done;
    progress.stop();
    stage = 'the results';
    const path = options.out ?? (shard === null ? defaultResultsPath(options.resultsRoot, name, base.seed, new Date(started)) : `${options.resultsRoot}/${name}-${identity.digest.slice(0, 8)}`);
    folder = new ResultsFolder(path, options.out === undefined && shard === null ? { kind: 'next-free' } : { kind: 'exact', force: options.force }, tell);
    if (shard === null) {
      const outcomes = cellOutcomes(plan, mine, (chunk) => work.readChunk(chunk));
      await writeSweepResults(folder, identity, base, plan, outcomes, { quiet: options.quiet });
    } else {
      writeShardFolder(folder, identity, shard, mine, (chunk) => work.chunkFile(chunk));
    }
    stage = 'the rename into place';
    folder.commit();
    work.remove();
    return { path: folder.finalPath, cells: plan.cells.length, chunksRun: pending.length, chunksResumed: resumed, seconds: (Date.now() - started) / 1000 };
  } catch (error) {
    pool?.cancel();
    folder?.discard();
    throw error;
  } finally {
    progress.stop();
    stopHandling();
  }
}
