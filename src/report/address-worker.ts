/**
 * Helper-thread entry: fills every chunk of the validators' addresses that the main
 * thread has not taken (see SharedAddresses), then ends.
 */
import { workerData } from 'node:worker_threads';
import type { AddressInputs } from '../model/logic/address-book.js';
import { SharedAddresses } from './shared-addresses.js';

/** What the thread is started with. */
export interface AddressWork {
  readonly inputs: AddressInputs;
  readonly memory: SharedArrayBuffer;
}

const work = workerData as AddressWork;
new SharedAddresses(work.inputs, work.memory).fillFree();
