import { Worker } from 'node:worker_threads';
import type { ValidatorTotals } from '../model/records.js';
import type { OutputDone, OutputWork } from '../run/output-worker.js';
import { SharedAddresses, sharedAddressMemory } from '../report/shared-addresses.js';
import { digestInput, digestTransfers } from '../run/scenario-digest.js';
import type { ResolvedScenario } from '../scenario/types.js';

/** Bundled (dist/), the bundled worker; from the TypeScript sources, an entry that registers tsx's loader first. */
const WORKER_URL = import.meta.url.endsWith('.ts')
  ? new URL('../run/output-worker-entry.mjs', import.meta.url)
  : new URL('../run/output-worker.js', import.meta.url);

/**
 * Validators from which a helper thread makes the addresses and the digest: below,
 * they take less than the thread's start-up (some 50 ms of CPU).
 */
export const OUTPUT_HELPER_MIN_VALIDATORS = 100_000;

/** A thread making validators.csv's addresses and the scenario digest while this one writes the tables (see {@link startOutputHelper}). */
export interface OutputHelper {
  /** The addresses, for validators.csv's writer: the same bytes as the run's own. */
  readonly addresses: SharedAddresses;
  /** The scenario digest (scenarioDigest), once the thread has made it; rejects if it failed. */
  readonly digest: Promise<string>;
  /** Stops the thread (if it has not ended); rejects if it failed. */
  stop(): Promise<void>;
}

/**
 * Starts a thread that makes the run's addresses (a SHA-256 each: half a second at a
 * million validators) while this thread writes validators.csv, which takes each chunk
 * of them as it comes to it, or makes the chunk itself if the thread has not (see
 * SharedAddresses): the output is the same either way. Then the thread hashes the
 * scenario digest (a third of a second there). Null for runs below `minValidators`,
 * or whose addresses are held as text.
 */
export function startOutputHelper(scenario: ResolvedScenario, totals: ValidatorTotals, minValidators = OUTPUT_HELPER_MIN_VALIDATORS): OutputHelper | null {
  const addresses = totals.addressInputs;
  if (addresses === null || addresses.connectUs.length < minValidators) return null;
  const work: OutputWork = { addresses, memory: sharedAddressMemory(addresses.connectUs.length), digest: digestInput(scenario) };
  const worker = new Worker(WORKER_URL, { workerData: work, transferList: digestTransfers(work.digest) });
  let failure: Error | null = null;
  let stopping = false;
  const digest = new Promise<string>((resolve, reject) => {
    let posted = false;
    let lastMessageWait: NodeJS.Timeout | undefined;
    worker.once('message', (done: OutputDone) => {
      posted = true;
      clearTimeout(lastMessageWait);
      resolve(done.digest);
    });
    worker.on('error', (error) => {
      failure = error;
      reject(error);
    });
    worker.on('exit', (code) => {
      if (posted) return;
      // Stopped (terminated) before it was done, it exits with code 1.
      if (stopping || code !== 0) return reject(new Error(stopping ? 'the output helper thread was stopped' : `the output helper thread exited with code ${code}`));
      // Node may emit 'exit' before the thread's last message is handled (see WORKER_DONE): give it a moment.
      lastMessageWait = setTimeout(() => reject(new Error('the output helper thread ended without posting the digest')), 2000);
    });
  });
  // Its failure is reported by stop(); unobserved, a rejection would end the process.
  digest.catch(() => {});
  return {
    addresses: new SharedAddresses(addresses, work.memory),
    digest,
    stop: async () => {
      stopping = true;
      await worker.terminate();
      if (failure !== null) throw failure;
    },
  };
}
