import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SyncTraffic } from '../../../src/model/logic/sync-traffic.js';
import { zeroCounters } from '../../../src/model/records.js';

const SYNC_US = 30e6;

test('a sender writes the chain once per sync period, each write as long as the chain was then', () => {
  const counters = zeroCounters();
  let chainBytes = 100;
  const sync = new SyncTraffic(SYNC_US, counters, () => chainBytes);
  sync.senders.add(0); // writes at 30 s, 60 s, 90 s, ...
  sync.senders.add(10e6); // at 40 s, 70 s, ...
  sync.countUntil(40e6); // the write at 30 s; the one at 40 s is not before 40 s
  chainBytes = 250;
  sync.countThrough(60e6); // 40 s and 60 s, with the longer chain
  assert.deepEqual(sync.takePeriod(), { messages: 3, bytes: 100 + 2 * 250 });
  sync.countUntil(90e6); // 70 s
  assert.deepEqual(sync.takePeriod(), { messages: 1, bytes: 250 });
  assert.equal(counters.syncMessages, 4);
  assert.equal(counters.syncBytes, 850n);
});

test('bytes stay exact beyond 2^53: they go into the bigint total in lumps', () => {
  const counters = zeroCounters();
  const huge = 2 ** 52 + 1; // two writes overflow a double's exact integers
  const sync = new SyncTraffic(SYNC_US, counters, () => huge);
  sync.senders.add(0);
  sync.senders.add(1e6);
  sync.senders.add(2e6);
  sync.countUntil(33e6);
  sync.flush();
  assert.equal(counters.syncMessages, 3);
  assert.equal(counters.syncBytes, 3n * BigInt(huge));
});
