import { hash } from 'node:crypto';
import { addressPreimage, type AddressInputs } from '../model/logic/address-book.js';
import type { TextBytes } from './text-bytes.js';

/** Validators per chunk, as a power of two: a thread takes 16,384 at a time (some 7 ms of hashing). */
const CHUNK_BITS = 14;
const DIGEST_BYTES = 32;
/** A chunk's state: no thread has taken it, one has and is filling it, it is filled. */
const FREE = 0;
const TAKEN = 1;
const FILLED = 2;
/** The header's cells (Int32): whether a thread failed while filling a chunk; a count that rises as addresses are filled (a sign of life). */
const FAILED = 0;
const PROGRESS = 1;
const HEADER_CELLS = 2;
/** Addresses filled between two steps of {@link PROGRESS}. */
const PROGRESS_EVERY = 1024;
/** How long a reader waits for a taken chunk at a time, and with no progress at all before it fills the chunk itself (ms). */
const WAIT_MS = 50;
const PATIENCE_MS = 1000;

/** Shared memory for the addresses of `count` validators (see {@link SharedAddresses}): some 33 bytes each. */
export function sharedAddressMemory(count: number): SharedArrayBuffer {
  const chunks = chunksOf(count);
  return new SharedArrayBuffer(4 * (HEADER_CELLS + chunks) + count + DIGEST_BYTES * count);
}

/**
 * The validators' addresses as SHA-256 digests in memory shared by threads, made in
 * chunks by whichever thread takes a chunk first: validators.csv's writer takes the
 * chunk it needs if it is still free, and otherwise waits for the thread filling it (a
 * helper thread takes every free chunk in order, see run/output-worker.ts). Every
 * thread makes an address from the same {@link AddressInputs} as AddressBook.addressOf,
 * so who made it cannot change a byte; and a writer left waiting (a helper that failed
 * or stopped) fills the chunk itself.
 */
export class SharedAddresses {
  private readonly header: Int32Array;
  private readonly states: Int32Array;
  /** Per validator: 1 if it has an address (its digest is filled in), 0 if not. */
  private readonly present: Uint8Array;
  private readonly digests: Uint8Array;
  /** The chunk this thread last found filled. */
  private filledChunk = -1;

  constructor(
    private readonly inputs: AddressInputs,
    memory: SharedArrayBuffer,
  ) {
    const count = inputs.connectUs.length;
    const chunks = chunksOf(count);
    if (memory.byteLength !== sharedAddressMemory(count).byteLength) {
      throw new RangeError(`SharedAddresses: memory of ${memory.byteLength} bytes is not the layout for ${count} validators`);
    }
    this.header = new Int32Array(memory, 0, HEADER_CELLS);
    this.states = new Int32Array(memory, 4 * HEADER_CELLS, chunks);
    this.present = new Uint8Array(memory, 4 * (HEADER_CELLS + chunks), count);
    this.digests = new Uint8Array(memory, 4 * (HEADER_CELLS + chunks) + count, DIGEST_BYTES * count);
  }

  /** Takes every chunk that no thread has taken, in order, and fills it: a helper thread's whole work. */
  fillFree(): void {
    try {
      for (let c = 0; c < this.states.length; c++) if (this.take(c)) this.fillTaken(c);
    } catch (error) {
      // A reader waiting for the chunk this thread took fills it itself (see awaitFilled).
      Atomics.store(this.header, FAILED, 1);
      for (let c = 0; c < this.states.length; c++) Atomics.notify(this.states, c);
      throw error;
    }
  }

  /** Chunks filled so far, by any thread, of {@link chunks}. */
  filledChunks(): number {
    let filled = 0;
    for (let c = 0; c < this.states.length; c++) if (Atomics.load(this.states, c) === FILLED) filled++;
    return filled;
  }

  get chunks(): number {
    return this.states.length;
  }

  /** Writes validator i's address as the seed prints it (hex; nothing if it has none), as AddressBook.addressOf. */
  writeAddress(i: number, out: TextBytes): void {
    const chunk = i >>> CHUNK_BITS;
    if (chunk !== this.filledChunk) this.awaitFilled(chunk);
    if (this.present[i] === 1) out.hex(this.digests, DIGEST_BYTES * i, DIGEST_BYTES);
  }

  /** Takes the chunk if no thread has: then this thread must {@link fillTaken} it. */
  take(chunk: number): boolean {
    return Atomics.compareExchange(this.states, chunk, FREE, TAKEN) === FREE;
  }

  /**
   * Returns once the chunk is filled: by this thread if it is free, else by the thread
   * that took it; or by this thread after all if that one failed, or if no thread has
   * filled any address for {@link PATIENCE_MS} (one that died cannot say so; if it went
   * on after all, it would write the same bytes).
   */
  private awaitFilled(chunk: number): void {
    const states = this.states;
    if (this.take(chunk)) this.fillTaken(chunk);
    let progress = Atomics.load(this.header, PROGRESS);
    let stalledMs = 0;
    while (Atomics.load(states, chunk) !== FILLED) {
      if (Atomics.load(this.header, FAILED) === 1 || stalledMs >= PATIENCE_MS) {
        this.fillTaken(chunk);
        break;
      }
      Atomics.wait(states, chunk, TAKEN, WAIT_MS);
      const now = Atomics.load(this.header, PROGRESS);
      stalledMs = now === progress ? stalledMs + WAIT_MS : 0;
      progress = now;
    }
    this.filledChunk = chunk;
  }

  /** Fills a chunk this thread took (or, see awaitFilled, one whose taker stopped). */
  fillTaken(chunk: number): void {
    const from = chunk << CHUNK_BITS;
    const to = Math.min(this.present.length, from + (1 << CHUNK_BITS));
    this.fillRange(from, to);
    // A sequentially consistent store: a thread that loads FILLED sees every byte above.
    Atomics.store(this.states, chunk, FILLED);
    Atomics.notify(this.states, chunk);
  }

  private fillRange(from: number, to: number): void {
    // Loop alone in its function (docs/performance.md, "Nothing after a long loop").
    const digests = this.digests;
    for (let i = from; i < to; i++) {
      if (i % PROGRESS_EVERY === 0) Atomics.add(this.header, PROGRESS, 1);
      const preimage = addressPreimage(this.inputs, i);
      if (preimage === null) continue;
      // As a string of byte values ('binary' is latin1): a Buffer per digest took five times as long (1.4 µs).
      const digest = hash('sha256', preimage, 'binary');
      for (let k = 0; k < DIGEST_BYTES; k++) digests[DIGEST_BYTES * i + k] = digest.charCodeAt(k);
      this.present[i] = 1;
    }
  }
}

function chunksOf(count: number): number {
  return Math.ceil(count / (1 << CHUNK_BITS));
}
