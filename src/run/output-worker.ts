/**
 * Helper-thread entry (cli/output-helper.ts): fills every chunk of the validators'
 * addresses that the main thread has not taken (see SharedAddresses), then hashes the
 * scenario digest and posts it, and ends.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { AddressInputs } from '../model/logic/address-book.js';
import { SharedAddresses } from '../report/shared-addresses.js';
import { digestOf, type DigestInput } from './scenario-digest.js';

/** What the thread is started with. */
export interface OutputWork {
  readonly addresses: AddressInputs;
  readonly memory: SharedArrayBuffer;
  readonly digestInput: DigestInput;
}

/** What it posts: the digest. */
export interface OutputDone {
  readonly digest: string;
}

const work = workerData as OutputWork;
const port = parentPort;
if (!port) throw new Error('run/output-worker.ts runs only as a worker thread');
new SharedAddresses(work.addresses, work.memory).fillFree();
port.postMessage({ digest: digestOf(work.digestInput) } satisfies OutputDone);
