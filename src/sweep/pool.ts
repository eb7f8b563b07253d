/**
 * Runs a sweep's chunks on `workers` threads, this one included: every thread takes
 * the next chunk from one shared counter when done with the last, so uneven chunks
 * leave no core idle. This thread runs its replications in slices and awaits
 * `between()` after each, so a caller can let signals (or a notebook's output) in.
 */
import { Worker } from 'node:worker_threads';
import { takeJob, watchWorker, WORKER_DONE } from '../replications/job-queue.js';
import { runReplicationInSlices, type ReplicationOutcome } from '../replications/run-replication.js';
import type { ScenarioDocument } from '../scenario/schema.js';
import { CellCache } from './cell-run.js';
import type { SweepChunk } from './chunks.js';
import type { SweepWorkerData } from './worker.js';

/**
 * From the TypeScript sources, an entry beside this file that registers tsx first;
 * bundled, the bundled worker, dist/sweep/worker.js, seen from dist/cli/ where the
 * bundle puts this code (scripts/build.mjs).
 */
const WORKER_URL = import.meta.url.endsWith('.ts') ? new URL('./worker-entry.mjs', import.meta.url) : new URL('../sweep/worker.js', import.meta.url);

export interface ChunkPool {
  /** Resolves when every chunk is done (and `onChunk` was called for it). */
  readonly done: Promise<void>;
  /** Stops every worker thread (on a signal, or when the sweep fails). */
  cancel(): void;
}

export function runChunks(
  work: { file: string; documents: readonly ScenarioDocument[]; chunks: readonly SweepChunk[] },
  workers: number,
  onChunk: (chunk: SweepChunk, outcomes: ReplicationOutcome[]) => void,
  between: () => Promise<void>,
): ChunkPool {
  const nextJob = new Int32Array(new SharedArrayBuffer(4));
  const data: SweepWorkerData = { ...work, nextJob };
  const threads = Array.from({ length: Math.max(0, Math.min(workers - 1, work.chunks.length - 1)) }, () => new Worker(WORKER_URL, { workerData: data }));
  let cancelled = false;
  const finished = threads.map(
    (worker) =>
      new Promise<void>((resolve, reject) => {
        let finished = false;
        worker.on('message', (message: { job: number; outcomes: ReplicationOutcome[] } | typeof WORKER_DONE) => {
          if (message === WORKER_DONE) {
            finished = true;
            return resolve();
          }
          try {
            onChunk(work.chunks[message.job] as SweepChunk, message.outcomes);
          } catch (error) {
            reject(error);
          }
        });
        watchWorker(worker, { finished: () => finished, resolve, reject, cancelled: () => cancelled }, 'a sweep worker');
      }),
  );
  const cells = new CellCache(work.documents, work.file);
  const here = (async () => {
    for (let job = takeJob(nextJob); job < work.chunks.length && !cancelled; job = takeJob(nextJob)) {
      const chunk = work.chunks[job] as SweepChunk;
      const cell = cells.get(chunk.cell);
      const outcomes: ReplicationOutcome[] = [];
      for (let i = 0; i < chunk.count; i++) {
        outcomes.push(await runReplicationInSlices(cell.scenario, chunk.first + i, cell.tracked, between));
      }
      onChunk(chunk, outcomes);
      await between();
    }
  })();
  const cancel = () => {
    cancelled = true;
    for (const worker of threads) void worker.terminate();
  };
  const done = Promise.all([here, ...finished]).then(() => undefined);
  done.catch(cancel);
  return { done, cancel };
}
