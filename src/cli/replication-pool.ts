import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { ReplicationOutcome } from '../replications/run-replication.js';
import { runReplication } from '../replications/run-replication.js';
import type { TrackedSeries } from '../report/tracked-series.js';
import type { ResolvedScenario } from '../scenario/types.js';

/**
 * Compiled (dist/), a worker runs the compiled worker directly; from the TypeScript
 * sources, an entry that first registers tsx's loader in the new thread.
 */
const WORKER_URL = import.meta.url.endsWith('.ts')
  ? new URL('../replications/worker-entry.mjs', import.meta.url)
  : new URL('../replications/worker.js', import.meta.url);

export const defaultWorkers = (): number => availableParallelism();

/**
 * Runs replications 0..count-1 on `workers` threads (in this thread when 1) and returns
 * their outcomes in replication order. `onDone` is called as each one finishes.
 */
export async function runReplications(
  scenario: ResolvedScenario,
  tracked: readonly TrackedSeries[],
  count: number,
  workers: number,
  onDone: (finished: number) => void,
): Promise<ReplicationOutcome[]> {
  const outcomes = new Array<ReplicationOutcome | undefined>(count);
  let finished = 0;
  const store = (o: ReplicationOutcome) => {
    outcomes[o.replication] = o;
    onDone(++finished);
  };
  const threads = Math.max(1, Math.min(workers, count));
  if (threads === 1) {
    for (let k = 0; k < count; k++) store(runReplication(scenario, k, tracked));
  } else {
    await Promise.all(
      Array.from({ length: threads }, (_, w) => {
        const replications = Array.from({ length: count }, (_, k) => k).filter((k) => k % threads === w);
        const worker = new Worker(WORKER_URL, {
          workerData: { scenario, tracked, replications },
        });
        worker.on('message', store);
        return new Promise<void>((resolve, reject) => {
          worker.on('error', reject);
          worker.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`replication worker exited with code ${code}`))));
        });
      }),
    );
  }
  return outcomes.map((o, k) => {
    if (!o) throw new Error(`replication ${k} produced no result`);
    return o;
  });
}
