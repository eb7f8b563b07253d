import { Worker } from 'node:worker_threads';
import type { ValidatorTotals } from '../model/records.js';
import type { OutputDone, OutputWork } from '../run/output-worker.js';
import { SharedAddresses, sharedAddressMemory } from '../report/shared-addresses.js';
import { digestInput, digestTransfers, scenarioDigest } from '../run/scenario-digest.js';
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
  /** The scenario digest (scenarioDigest): the thread's, or made on this thread if the thread failed or was stopped first. */
  digest(): Promise<string>;
  /** Stops the thread, if it has not ended. */
  stop(): Promise<void>;
}

export interface OutputHelperOptions {
  /** Runs with fewer validators get no helper. */
  readonly minValidators?: number;
  /** Told why, when the thread fails (its work is then done on this thread, with the same result). */
  readonly onFailure?: (error: Error) => void;
  /** The thread's code: tests give one that fails. */
  readonly workerUrl?: URL;
}

/**
 * Starts a thread that makes the run's addresses (a SHA-256 each: half a second at a
 * million validators) while this thread writes validators.csv, which takes each chunk
 * of them as it comes to it, or makes the chunk itself if the thread has not (see
 * SharedAddresses): the output is the same either way. Then the thread hashes the
 * scenario digest (a third of a second there). A failure of the thread costs only
 * time: this thread does its work. Null for runs below `minValidators`, or whose
 * addresses are held as text.
 */
export function startOutputHelper(scenario: ResolvedScenario, totals: ValidatorTotals, options: OutputHelperOptions = {}): OutputHelper | null {
  const addresses = totals.addressInputs;
  if (addresses === null || addresses.connectUs.length < (options.minValidators ?? OUTPUT_HELPER_MIN_VALIDATORS)) return null;
  const work: OutputWork = { addresses, memory: sharedAddressMemory(addresses.connectUs.length), digestInput: digestInput(scenario) };
  const worker = new Worker(options.workerUrl ?? WORKER_URL, { workerData: work, transferList: digestTransfers(work.digestInput) });
  let stopping = false;
  let lastMessageWait: NodeJS.Timeout | undefined;
  const posted = new Promise<string>((resolve, reject) => {
    let done = false;
    worker.once('message', (message: OutputDone) => {
      done = true;
      clearTimeout(lastMessageWait);
      resolve(message.digest);
    });
    worker.on('error', reject);
    worker.on('exit', (code) => {
      if (done) return;
      // Terminated, it exits with 1, or with 0 if it had not started yet.
      if (stopping || code !== 0) return reject(stopping ? STOPPED : new Error(`the output helper thread exited with code ${code}`));
      // Node may emit 'exit' before the thread's last message is handled (see WORKER_DONE): give it a moment.
      lastMessageWait = setTimeout(() => reject(new Error('the output helper thread ended without posting the digest')), 2000);
    });
  });
  const digest = posted.catch((error: unknown) => {
    if (error !== STOPPED) options.onFailure?.(error instanceof Error ? error : new Error(String(error)));
    return scenarioDigest(scenario);
  });
  return {
    addresses: new SharedAddresses(addresses, work.memory),
    digest: () => digest,
    stop: async () => {
      stopping = true;
      clearTimeout(lastMessageWait);
      await worker.terminate();
    },
  };
}

/** Why the digest did not come: the thread was stopped (not a failure). */
const STOPPED = new Error('the output helper thread was stopped');
