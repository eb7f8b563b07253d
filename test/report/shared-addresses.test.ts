import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Worker } from 'node:worker_threads';
import { AddressBook, type AddressInputs } from '../../src/model/logic/address-book.js';
import { SharedAddresses, sharedAddressMemory } from '../../src/report/shared-addresses.js';
import { TextBytes } from '../../src/report/text-bytes.js';
import { deriveStream } from '../../src/rng/stream.js';

/** 40,000 connections over three chunks: some never connected, some on whole seconds, some with a `#k` suffix. */
function randomBook(seed: number, connections = 40_000): AddressBook {
  const rng = deriveStream(seed, 'test', 'shared-addresses');
  const book = new AddressBook(1_700_000_000_000_000 + rng.nextIntBelow(1_000_000), connections);
  for (let c = 0; c < connections; c++) {
    const roll = rng.nextIntBelow(10);
    if (roll === 0) continue;
    const connectUs = roll === 1 ? 1_000_000 * rng.nextIntBelow(100_000) : rng.nextIntBelow(2 ** 31);
    book.enter(c, connectUs, roll === 2 ? 1 + rng.nextIntBelow(3) : 0);
  }
  return book;
}

/** The reference: AddressBook.addressOf of each connection, a line each. */
function expected(book: AddressBook): string {
  let text = '';
  for (let c = 0; c < book.inputs.connectUs.length; c++) text += `${book.addressOf(c)}\n`;
  return text;
}

/** What the reader writes for connections in `order`, a line each, put back in connection order. */
function written(reader: SharedAddresses, order: readonly number[]): string {
  const lines = new Array<string>(order.length);
  const out = new TextBytes();
  for (const c of order) {
    out.clear();
    reader.writeAddress(c, out);
    lines[c] = Buffer.from(out.view()).toString('utf8');
  }
  return `${lines.join('\n')}\n`;
}

const inOrder = (n: number) => Array.from({ length: n }, (_, i) => i);

test('addresses from shared memory are AddressBook.addressOf, whichever thread filled which chunk, read in any order', () => {
  for (let seed = 1; seed <= 3; seed++) {
    const book = randomBook(seed);
    const n = book.inputs.connectUs.length;
    const reference = expected(book);
    // The reader fills every chunk itself.
    const alone = new SharedAddresses(book.inputs, sharedAddressMemory(n));
    assert.equal(written(alone, inOrder(n)), reference, 'reader alone');
    assert.equal(alone.filledChunks(), alone.chunks);
    // A helper fills every chunk first.
    const memory = sharedAddressMemory(n);
    const helper = new SharedAddresses(book.inputs, memory);
    helper.fillFree();
    assert.equal(helper.filledChunks(), 3);
    assert.equal(written(new SharedAddresses(book.inputs, memory), inOrder(n)), reference, 'helper first');
    // The reader takes the first chunk, the helper the rest; then read in a random order.
    const shared = sharedAddressMemory(n);
    const reader = new SharedAddresses(book.inputs, shared);
    reader.writeAddress(0, new TextBytes());
    assert.equal(reader.filledChunks(), 1);
    new SharedAddresses(book.inputs, shared).fillFree();
    const rng = deriveStream(seed, 'test', 'shared-addresses-order');
    const order = inOrder(n);
    for (let i = n - 1; i > 0; i--) {
      const j = rng.nextIntBelow(i + 1);
      [order[i], order[j]] = [order[j] as number, order[i] as number];
    }
    assert.equal(written(reader, order), reference, 'interleaved, random order');
  }
});

test('a chunk taken by a helper that then failed is filled by the reader, with the same bytes', () => {
  const book = randomBook(4);
  const n = book.inputs.connectUs.length;
  const memory = sharedAddressMemory(n);
  // The helper's suffixes fail at a connection of the second chunk: it took that chunk and never fills it.
  const failing = new Map(book.inputs.suffixes);
  failing.get = (c: number) => {
    if (c === 20_000) throw new Error('helper failed');
    return book.inputs.suffixes.get(c);
  };
  const helperInputs: AddressInputs = { ...book.inputs, suffixes: failing };
  assert.throws(() => new SharedAddresses(helperInputs, memory).fillFree(), /helper failed/);
  const reader = new SharedAddresses(book.inputs, memory);
  assert.equal(reader.filledChunks(), 1);
  assert.equal(written(reader, inOrder(n)), expected(book));
  assert.equal(reader.filledChunks(), 3);
});

test('with a real second thread: a reader waits for the chunk the thread is filling, and fills the one it took and left', async () => {
  const book = randomBook(6);
  const n = book.inputs.connectUs.length;
  const memory = sharedAddressMemory(n);
  const worker = new Worker(new URL('../fixtures/workers/slow-helper-entry.mjs', import.meta.url), { workerData: { inputs: book.inputs, memory } });
  const said: string[] = [];
  const next = () => new Promise<string>((resolve) => worker.once('message', (m: string) => resolve(m)));
  try {
    said.push(await next());
    const reader = new SharedAddresses(book.inputs, memory);
    // Chunk 0 is the thread's, filled 300 ms after it said so: the reader must wait for it.
    let startedMs = performance.now();
    assert.equal(written(reader, [0]).split('\n')[0], book.addressOf(0));
    assert.ok(performance.now() - startedMs >= 200, `the reader went on after ${performance.now() - startedMs} ms, before the chunk was filled`);
    said.push(await next());
    await new Promise((resolve) => worker.once('exit', resolve));
    // Chunk 1 was taken by a thread that ended without filling it: the reader fills it once no address has been filled for a while.
    startedMs = performance.now();
    assert.equal(written(reader, inOrder(n)), expected(book));
    assert.ok(performance.now() - startedMs >= 900, 'the reader waited for the taken chunk before filling it');
    assert.equal(reader.filledChunks(), reader.chunks);
  } finally {
    await worker.terminate();
  }
  assert.deepEqual(said, ['took 0', 'took 1']);
});

test('memory of another layout is refused', () => {
  const book = randomBook(5, 100);
  assert.throws(() => new SharedAddresses(book.inputs, sharedAddressMemory(101)), RangeError);
});
