import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ADDRESS_HELPER_MIN_VALIDATORS, startAddressHelper } from '../../src/cli/address-helper.js';
import { AddressBook } from '../../src/model/logic/address-book.js';
import { TextBytes } from '../../src/report/text-bytes.js';
import { deriveStream } from '../../src/rng/stream.js';
import { zeroTotals } from '../../src/model/records.js';

/** Totals of `n` validators whose addresses come from a random book (a tenth never connected). */
function totalsOf(n: number) {
  const rng = deriveStream(21, 'test', 'address-helper');
  const book = new AddressBook(1_700_000_000_000_000, n);
  for (let c = 0; c < n; c++) if (rng.nextIntBelow(10) > 0) book.enter(c, c * 7 + rng.nextIntBelow(5_000_000), rng.nextIntBelow(50) === 0 ? 1 : 0);
  return { book, totals: zeroTotals(n, (c) => book.addressOf(c), book.inputs) };
}

test('the helper thread fills every chunk with the bytes of AddressBook.addressOf, and ends', async () => {
  const { book, totals } = totalsOf(50_000);
  const helper = startAddressHelper(totals, 1);
  assert.ok(helper !== null);
  try {
    await helper.ended;
    // Every chunk was filled by the thread: this one has read nothing yet.
    assert.equal(helper.addresses.filledChunks(), helper.addresses.chunks);
    const out = new TextBytes();
    for (let c = 0; c < 50_000; c++) {
      out.clear();
      helper.addresses.writeAddress(c, out);
      assert.equal(Buffer.from(out.view()).toString('latin1'), book.addressOf(c), `connection ${c}`);
    }
  } finally {
    await helper.stop();
  }
});

test('read while the thread works, the addresses are the same; stopping a finished or unfinished thread is quiet', async () => {
  const { book, totals } = totalsOf(ADDRESS_HELPER_MIN_VALIDATORS);
  const helper = startAddressHelper(totals);
  assert.ok(helper !== null);
  let matches = 0;
  try {
    const out = new TextBytes();
    for (let c = 0; c < ADDRESS_HELPER_MIN_VALIDATORS; c++) {
      out.clear();
      helper.addresses.writeAddress(c, out);
      if (Buffer.from(out.view()).toString('latin1') === book.addressOf(c)) matches++;
    }
  } finally {
    await helper.stop();
  }
  assert.equal(matches, ADDRESS_HELPER_MIN_VALIDATORS);
  const early = startAddressHelper(totals);
  await early?.stop();
});

test('no helper below the threshold, or where addresses are held as text', () => {
  assert.equal(startAddressHelper(totalsOf(ADDRESS_HELPER_MIN_VALIDATORS - 1).totals), null);
  assert.equal(startAddressHelper(zeroTotals(ADDRESS_HELPER_MIN_VALIDATORS, () => '')), null);
});
