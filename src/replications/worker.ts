/**
 * Worker-thread entry: waits for the scenario (the thread starts while the main thread
 * still reads it), then takes replication numbers from the shared counter until none
 * is left, runs each and posts its outcome. Each replication depends only on
 * (scenario, k), so how they are spread over workers cannot change a result.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { TrackedSeries } from '../scenario/tracked-series.js';
import { unpackScenario, type PackedScenario } from '../scenario/entry-member.js';
import { takeJobs, WORKER_DONE } from './job-queue.js';
import { runReplication } from './run-replication.js';
import { elementAt } from '../lists/element-at.js';

interface Pool {
  /** The replication numbers of the pool. */
  ks: number[];
  /** Index into `ks` of the next replication to take, shared by every worker. */
  nextJob: Int32Array;
}

/** The one message a worker is sent: the scenario packed (its validators lose their class in a message). */
export interface ReplicationWork {
  readonly scenario: PackedScenario;
  readonly tracked: readonly TrackedSeries[];
}

const pool = workerData as Pool;
const port = parentPort;
if (!port) throw new Error('replications/worker.ts runs only as a worker thread');
port.once('message', (work: ReplicationWork) => {
  const scenario = unpackScenario(work.scenario);
  const tracked = work.tracked;
  takeJobs(pool.nextJob, pool.ks.length, (i) => port.postMessage(runReplication(scenario, elementAt(pool.ks, i, 'replication'), tracked)));
  // Last on the same port, so it arrives after every outcome (see WORKER_DONE).
  port.postMessage(WORKER_DONE);
});
