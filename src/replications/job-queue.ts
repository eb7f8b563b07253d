/**
 * Takes job numbers 0..count-1 from a counter shared by every thread of a pool (one
 * atomic add each), calling `run` with each, until none is left.
 */
export function takeJobs(next: Int32Array, count: number, run: (job: number) => void): void {
  for (let i = takeJob(next); i < count; i = takeJob(next)) run(i);
}

/** The next job number from a shared counter (count or more: none left). */
export function takeJob(next: Int32Array): number {
  return Atomics.add(next, 0, 1);
}

/**
 * What a pool's worker posts when it has no job left. The pool counts a worker
 * finished on this message, not on its 'exit' event: Node may emit 'exit' before
 * the worker's last messages are handled (seen under load: "replication 2 produced
 * no result"), while messages on one port keep their order.
 */
export const WORKER_DONE = 'pos-sim/worker-done';

/** Settles a worker's promise: on WORKER_DONE, or with an error if it exits without it or fails. */
export function watchWorker(
  worker: { on(event: 'error', f: (e: Error) => void): unknown; on(event: 'exit', f: (code: number) => void): unknown },
  done: { finished(): boolean; resolve(): void; reject(error: Error): void; cancelled(): boolean },
  what: string,
): void {
  worker.on('error', (error) => done.reject(error));
  worker.on('exit', (code) => {
    if (done.cancelled()) return done.resolve();
    if (code !== 0) return done.reject(new Error(`${what} exited with code ${code}`));
    // Its last messages may still be on their way: give them a moment (a worker
    // terminated before it started also exits with 0).
    setTimeout(() => {
      if (!done.finished()) done.reject(new Error(`${what} exited without finishing its jobs`));
    }, 2000);
  });
}
