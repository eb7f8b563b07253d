import assert from 'node:assert/strict';
import { test } from 'node:test';
import { OUTPUT_HELPER_MIN_VALIDATORS, startOutputHelper, type OutputHelper } from '../../src/cli/output-helper.js';
import { AddressBook } from '../../src/model/logic/address-book.js';
import { zeroTotals } from '../../src/model/records.js';
import { TextBytes } from '../../src/report/text-bytes.js';
import { deriveStream } from '../../src/rng/stream.js';
import { scenarioDigest } from '../../src/run/scenario-digest.js';
import { loadScenario } from '../../src/scenario/load.js';

/** Totals of `n` validators whose addresses come from a random book (a tenth never connected). */
function totalsOf(n: number) {
  const rng = deriveStream(21, 'test', 'output-helper');
  const book = new AddressBook(1_700_000_000_000_000, n);
  for (let c = 0; c < n; c++) if (rng.nextIntBelow(10) > 0) book.enter(c, c * 7 + rng.nextIntBelow(5_000_000), rng.nextIntBelow(50) === 0 ? 1 : 0);
  return { book, totals: zeroTotals(n, (c) => book.addressOf(c), book.inputs) };
}

/** A scenario of members of every kind, a plain validator among them. */
function scenarioOf() {
  const text = [
    'name: helper',
    'seed: 5',
    'rounds: 10',
    'validators:',
    '  - {name: drawn, count: 3000, stake: {lognormal: {median: 32, sigma: 1}}, submit: {every: 10}}',
    '  - {name: fixed, count: 3, stake: 7, connect: {at: 2, every: 0.5}, submit: {every: 10, phase: 1}, leave: 100}',
    '  - {name: one, stake: "abc", submit: none}',
  ].join('\n');
  const scenario = loadScenario('helper.yaml', text, {});
  return { ...scenario, validators: [...scenario.validators, { ...(scenario.validators[0] as object), id: 'by "hand"' } as (typeof scenario.validators)[number]] };
}

/** The helper's addresses of connections 0..n-1 are the book's. */
function assertAddresses(helper: OutputHelper, book: AddressBook, n: number): void {
  const out = new TextBytes();
  for (let c = 0; c < n; c++) {
    out.clear();
    helper.addresses.writeAddress(c, out);
    assert.equal(Buffer.from(out.view()).toString('latin1'), book.addressOf(c), `connection ${c}`);
  }
}

/** Timers keeping the process alive. */
const timers = () => process.getActiveResourcesInfo().filter((r) => r === 'Timeout').length;

test('the helper thread fills every chunk with the bytes of AddressBook.addressOf, then posts scenarioDigest, and leaves no timer behind', async () => {
  const { book, totals } = totalsOf(50_000);
  const scenario = scenarioOf();
  const timersBefore = timers();
  const helper = startOutputHelper(scenario, totals, { minValidators: 1 });
  assert.ok(helper !== null);
  try {
    // The digest comes after the addresses: every chunk was filled by the thread, as this one has read none.
    assert.equal(await helper.digest(), scenarioDigest(scenario));
    // The thread ends right after: once its exit is seen too, nothing may wait on (a timer for a message that came kept a run's process alive 2 s).
    await new Promise((resolve) => setTimeout(resolve, 300));
    assert.equal(timers(), timersBefore);
    assert.equal(helper.addresses.filledChunks(), helper.addresses.chunks);
    assertAddresses(helper, book, 50_000);
  } finally {
    await helper.stop();
  }
  assert.equal(timers(), timersBefore);
});

test('read at once, as the thread starts (this thread then fills most chunks itself), the addresses are the same; a thread stopped early is no failure', async () => {
  const { book, totals } = totalsOf(OUTPUT_HELPER_MIN_VALIDATORS);
  const scenario = scenarioOf();
  const helper = startOutputHelper(scenario, totals);
  assert.ok(helper !== null);
  let matches = 0;
  try {
    const out = new TextBytes();
    for (let c = 0; c < OUTPUT_HELPER_MIN_VALIDATORS; c++) {
      out.clear();
      helper.addresses.writeAddress(c, out);
      if (Buffer.from(out.view()).toString('latin1') === book.addressOf(c)) matches++;
    }
    assert.equal(await helper.digest(), scenarioDigest(scenario));
  } finally {
    await helper.stop();
  }
  assert.equal(matches, OUTPUT_HELPER_MIN_VALIDATORS);
  // Stopped before it posted, its digest is made here; that is no failure.
  const failures: Error[] = [];
  const early = startOutputHelper(scenario, totals, { onFailure: (error) => failures.push(error) });
  assert.ok(early !== null);
  await early.stop();
  assert.equal(await early.digest(), scenarioDigest(scenario));
  assert.deepEqual(failures, []);
});

test('a helper thread that fails costs only time: the addresses and the digest are made here, and the failure is told', async () => {
  const { book, totals } = totalsOf(40_000);
  const scenario = scenarioOf();
  const failures: Error[] = [];
  const helper = startOutputHelper(scenario, totals, {
    minValidators: 1,
    onFailure: (error) => failures.push(error),
    workerUrl: new URL('../fixtures/workers/failing-helper.mjs', import.meta.url),
  });
  assert.ok(helper !== null);
  try {
    assert.equal(await helper.digest(), scenarioDigest(scenario));
    assertAddresses(helper, book, 40_000);
  } finally {
    await helper.stop();
  }
  assert.equal(failures.length, 1);
  assert.match(failures[0]?.message ?? '', /failed on purpose/);
});

test('no helper below the threshold, or where addresses are held as text', () => {
  const scenario = scenarioOf();
  assert.equal(startOutputHelper(scenario, totalsOf(OUTPUT_HELPER_MIN_VALIDATORS - 1).totals), null);
  assert.equal(startOutputHelper(scenario, zeroTotals(OUTPUT_HELPER_MIN_VALIDATORS, () => '')), null);
});
