/**
 * Takes job numbers 0..count-1 from a counter shared by every thread of a pool (one
 * atomic add each), calling `run` with each, until none is left.
 */
export function takeJobs(next: Int32Array, count: number, run: (job: number) => void): void {
  for (let i = Atomics.add(next, 0, 1); i < count; i = Atomics.add(next, 0, 1)) run(i);
}
