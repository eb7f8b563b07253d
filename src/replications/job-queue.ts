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
    if (done.cancelled() || done.finished()) return done.resolve();
    if (code !== 0) return done.reject(new Error(`${what} exited with code ${code}`));
    // Its last messages may still be on their way: give them a moment (a worker
    // terminated before it started also exits with 0), looking every 100 ms. One timer
    // for the whole moment kept a run's process alive 2 s after its work whenever a
    // worker's exit was seen before its last message.
    let waitedMs = 0;
    const wait = setInterval(() => {
      waitedMs += LAST_MESSAGE_LOOK_MS;
      if (done.finished()) clearInterval(wait);
      else if (waitedMs >= LAST_MESSAGE_WAIT_MS) {
        clearInterval(wait);
        done.reject(new Error(`${what} exited without finishing its jobs`));
      }
    }, LAST_MESSAGE_LOOK_MS);
  });
}

/** How long a pool waits for a worker's last messages after its exit, and how often it looks (ms). */
const LAST_MESSAGE_WAIT_MS = 2000;
const LAST_MESSAGE_LOOK_MS = 100;
