import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { takeJob, watchWorker, WORKER_DONE } from '../replications/job-queue.js';
import { yieldNowAndThen } from './interruption.js';
import { runReplicationInSlices, type ReplicationOutcome } from '../replications/run-replication.js';
import type { TrackedSeries } from '../scenario/tracked-series.js';
import type { ResolvedScenario } from '../scenario/types.js';
import { packScenario } from '../scenario/entry-member.js';
import type { ReplicationWork } from '../replications/worker.js';
import { elementAt, valueAt } from '../lists/element-at.js';

/**
 * Bundled (dist/), a worker runs the bundled worker directly; from the TypeScript
 * sources, an entry that first registers tsx's loader in the new thread.
 */
const WORKER_URL = import.meta.url.endsWith('.ts')
  ? new URL('../replications/worker-entry.mjs', import.meta.url)
  : new URL('../replications/worker.js', import.meta.url);

export const defaultWorkers = (): number => availableParallelism();

/** Worker threads for replications, started before there is work for them (see {@link openReplicationPool}). */
export interface ReplicationPool {
  /** Gives the workers their work: replications of `scenario` (once). */
  begin(scenario: ResolvedScenario, tracked: readonly TrackedSeries[]): void;
  /**
   * Their outcomes, in the order the replication numbers were given, once every worker
   * and the {@link work} this thread was given before this call are done: call it after
   * work() (a call before would not wait for the replications work() then takes).
   */
  outcomes(): Promise<ReplicationOutcome[]>;
  /**
   * Runs replications from the same queue in this thread until none is left, so that
   * this thread, done with its own work, is one more worker (and a warm one). Yields
   * between replications, so that a signal is handled.
   */
  work(): Promise<void>;
  /** Stops every worker (when the run fails before the outcomes are needed). */
  cancel(): void;
}

/**
 * Starts `workers` threads for replications `ks`, before their scenario is known: a
 * thread takes a few hundred milliseconds to start and load its code, which is then
 * spent while this thread reads the scenario. Once given the work
 * ({@link ReplicationPool.begin}), workers take the next replication from a shared
 * counter as soon as they are done with one (so uneven replications do not leave a
 * core idle, and they go on while this thread is busy with the main run), and so does
 * this thread once it calls {@link ReplicationPool.work}; each outcome depends only on
 * (scenario, k), so the spread over threads cannot change any result. `onDone` is
 * called as each outcome arrives.
 */
export function openReplicationPool(ks: readonly number[], workers: number, onDone: () => void): ReplicationPool {
  const position = new Map(ks.map((k, i) => [k, i]));
  const outcomes = new Array<ReplicationOutcome | undefined>(ks.length);
  const nextJob = new Int32Array(new SharedArrayBuffer(4));
  const threads = Array.from(
    { length: Math.max(1, Math.min(workers, ks.length)) },
    () => new Worker(WORKER_URL, { workerData: { ks, nextJob } }),
  );
  let work: { scenario: ResolvedScenario; tracked: readonly TrackedSeries[] } | null = null;
  let cancelled = false;
  const finished = threads.map(
    (worker) =>
      new Promise<void>((resolve, reject) => {
        let finished = false;
        worker.on('message', (o: ReplicationOutcome | typeof WORKER_DONE) => {
          if (o === WORKER_DONE) {
            finished = true;
            return resolve();
          }
          // A bug if it throws; rejected, so that the run fails with it, not the process.
          try {
            outcomes[valueAt(position, o.replication, 'replication')] = o;
          } catch (error) {
            return reject(error);
          }
          onDone();
        });
        watchWorker(worker, { finished: () => finished, resolve, reject, cancelled: () => cancelled }, 'a replication worker');
      }),
  );
  // A cancelled pool rejects with nobody waiting: that is expected, not an error to report.
  const workersDone = Promise.all(finished);
  workersDone.catch(() => undefined);
  // The replications this thread took count too: the workers may finish first.
  let hereDone: Promise<void> = Promise.resolve();
  return {
    outcomes: () => Promise.all([workersDone, hereDone]).then(() => complete(outcomes, ks)),
    begin: (scenario, tracked) => {
      if (work) throw new Error('ReplicationPool.begin: the pool has its work already');
      work = { scenario, tracked };
      const message: ReplicationWork = { scenario: packScenario(scenario), tracked };
      for (const worker of threads) worker.postMessage(message);
    },
    work: () => {
      if (!work) throw new Error('ReplicationPool.work: begin() first');
      const { scenario, tracked } = work;
      hereDone = (async () => {
        for (let i = takeJob(nextJob); i < ks.length; i = takeJob(nextJob)) {
          outcomes[i] = await runReplicationInSlices(scenario, elementAt(ks, i, 'replication'), tracked, yieldNowAndThen);
          onDone();
        }
      })();
      return hereDone;
    },
    cancel: () => {
      cancelled = true;
      for (const worker of threads) void worker.terminate();
    },
  };
}

/** Runs replications `ks` in this thread, in order. */
export async function runReplicationsInThread(
  scenario: ResolvedScenario,
  tracked: readonly TrackedSeries[],
  ks: readonly number[],
  onDone: () => void,
): Promise<ReplicationOutcome[]> {
  const outcomes: ReplicationOutcome[] = [];
  for (const k of ks) {
    outcomes.push(await runReplicationInSlices(scenario, k, tracked, yieldNowAndThen));
    onDone();
  }
  return outcomes;
}

function complete(outcomes: Array<ReplicationOutcome | undefined>, ks: readonly number[]): ReplicationOutcome[] {
  // Array.from, not map: map skips the holes of a missing outcome.
  return Array.from(outcomes, (o, i) => {
    if (!o) throw new Error(`replication ${ks[i]} produced no result`);
    return o;
  });
}
