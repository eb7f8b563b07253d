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
