/**
 * Worker-thread entry: receives replication numbers one at a time, runs each and
 * posts its outcome; `null` means there is no more work. Each replication depends
 * only on (scenario, k), so how they are spread over workers cannot change a result.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { TrackedSeries } from '../report/tracked-series.js';
import type { ResolvedScenario } from '../scenario/types.js';
import { runReplication } from './run-replication.js';

interface Job {
  scenario: ResolvedScenario;
  tracked: TrackedSeries[];
}

const job = workerData as Job;
const port = parentPort;
if (!port) throw new Error('replications/worker.ts runs only as a worker thread');
port.on('message', (k: number | null) => {
  if (k === null) port.close();
  else port.postMessage(runReplication(job.scenario, k, job.tracked));
});
