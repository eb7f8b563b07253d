import { Worker } from 'node:worker_threads';
import type { ValidatorTotals } from '../model/records.js';
import type { AddressWork } from '../report/address-worker.js';
import { SharedAddresses, sharedAddressMemory } from '../report/shared-addresses.js';

/** Bundled (dist/), the bundled worker; from the TypeScript sources, an entry that registers tsx's loader first. */
const WORKER_URL = import.meta.url.endsWith('.ts')
  ? new URL('../report/address-worker-entry.mjs', import.meta.url)
  : new URL('../report/address-worker.js', import.meta.url);

/**
 * Validators from which a helper thread makes the addresses: below, hashing them all
 * takes less than the thread's start-up (some 50 ms of CPU).
 */
export const ADDRESS_HELPER_MIN_VALIDATORS = 100_000;

/** A thread making validators.csv's addresses while this one writes the rows (see {@link startAddressHelper}). */
export interface AddressHelper {
  /** The addresses, for validators.csv's writer: the same bytes as the run's own. */
  readonly addresses: SharedAddresses;
  /** Settles when the thread has ended: it has filled every chunk it found free, or failed. */
  readonly ended: Promise<void>;
  /** Stops the thread (if it has not ended); rejects if it failed. */
  stop(): Promise<void>;
}

/**
 * Starts a thread that makes the run's addresses (a SHA-256 each: half a second at a
 * million validators) while this thread writes validators.csv, which takes each chunk
 * of them as it comes to it, or makes the chunk itself if the thread has not (see
 * SharedAddresses): the output is the same either way. Null for runs below
 * `minValidators`, or whose addresses are held as text.
 */
export function startAddressHelper(totals: ValidatorTotals, minValidators = ADDRESS_HELPER_MIN_VALIDATORS): AddressHelper | null {
  const inputs = totals.addressInputs;
  if (inputs === null || inputs.connectUs.length < minValidators) return null;
  const work: AddressWork = { inputs, memory: sharedAddressMemory(inputs.connectUs.length) };
  const worker = new Worker(WORKER_URL, { workerData: work });
  let failure: Error | null = null;
  let stopping = false;
  const ended = new Promise<void>((resolve, reject) => {
    worker.on('error', (error) => {
      failure = error;
      reject(error);
    });
    // Stopped (terminated) before it was done, it exits with code 1.
    worker.on('exit', (code) => (code === 0 || stopping ? resolve() : reject(new Error(`the address helper thread exited with code ${code}`))));
  });
  // Its failure is reported by stop(); unobserved, a rejection would end the process.
  ended.catch(() => {});
  return {
    addresses: new SharedAddresses(inputs, work.memory),
    ended,
    stop: async () => {
      stopping = true;
      await worker.terminate();
      if (failure !== null) throw failure;
    },
  };
}
