/**
 * Worker-thread entry: takes replication numbers from the shared counter until none is
 * left, runs each and posts its outcome. Each replication depends only on
 * (scenario, k), so how they are spread over workers cannot change a result.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { TrackedSeries } from '../report/tracked-series.js';
import type { ResolvedScenario } from '../scenario/types.js';
import { takeJobs } from './job-queue.js';
import { runReplication } from './run-replication.js';

interface Job {
  scenario: ResolvedScenario;
  tracked: TrackedSeries[];
  /** The replication numbers of the pool. */
  ks: number[];
  /** Index into `ks` of the next replication to take, shared by every worker. */
  nextJob: Int32Array;
}

const job = workerData as Job;
const port = parentPort;
if (!port) throw new Error('replications/worker.ts runs only as a worker thread');
takeJobs(job.nextJob, job.ks.length, (i) => port.postMessage(runReplication(job.scenario, job.ks[i] as number, job.tracked)));
