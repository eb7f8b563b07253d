/**
 * Worker-thread entry: runs the replications it is given and posts their outcomes.
 * Each replication depends only on (scenario, k), so how they are spread over workers
 * cannot change any result.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { TrackedSeries } from '../report/tracked-series.js';
import type { ResolvedScenario } from '../scenario/types.js';
import { runReplication } from './run-replication.js';

interface Job {
  scenario: ResolvedScenario;
  tracked: TrackedSeries[];
  replications: number[];
}

const job = workerData as Job;
for (const k of job.replications) {
  parentPort?.postMessage(runReplication(job.scenario, k, job.tracked));
}
