/**
 * Sweep worker thread: takes chunk numbers from the counter shared by every thread
 * of the pool until none is left, runs each and posts its outcomes. A chunk's
 * outcomes depend only on (cell, replications), so how chunks spread over threads
 * cannot change a result.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { takeJobs, WORKER_DONE } from '../replications/job-queue.js';
import type { ScenarioDocument } from '../scenario/schema.js';
import { CellCache, runChunk } from './cell-run.js';
import type { SweepChunk } from './chunks.js';

export interface SweepWorkerData {
  readonly file: string;
  readonly documents: readonly ScenarioDocument[];
  readonly chunks: readonly SweepChunk[];
  /** Index into `chunks` of the next one to take, shared by every thread. */
  readonly nextJob: Int32Array;
}

const port = parentPort;
if (!port) throw new Error('sweep/worker.ts runs only as a worker thread');
const { file, documents, chunks, nextJob } = workerData as SweepWorkerData;
const cells = new CellCache(documents, file);
takeJobs(nextJob, chunks.length, (job) => {
  const chunk = chunks[job] as SweepChunk;
  port.postMessage({ job, outcomes: runChunk(cells.get(chunk.cell), chunk) });
});
// Last on the same port, so it arrives after every chunk (see WORKER_DONE).
port.postMessage(WORKER_DONE);
