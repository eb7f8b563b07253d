import assert from 'node:assert/strict';
import { EventEmitter } from 'node:events';
import { test } from 'node:test';
import { watchWorker } from '../../src/replications/job-queue.js';

/** A stand-in worker, and what watchWorker told the pool. */
function watched(state: { finished: boolean; cancelled: boolean }) {
  const worker = new EventEmitter();
  const told: string[] = [];
  watchWorker(
    worker as unknown as Parameters<typeof watchWorker>[0],
    { finished: () => state.finished, cancelled: () => state.cancelled, resolve: () => told.push('resolved'), reject: (e) => told.push(`rejected: ${e.message}`) },
    'a test worker',
  );
  return { worker, told };
}

const timers = () => process.getActiveResourcesInfo().filter((r) => r === 'Timeout').length;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

test("a worker's exit after its last message leaves no timer to keep the process alive", () => {
  const before = timers();
  const { worker, told } = watched({ finished: true, cancelled: false });
  worker.emit('exit', 0);
  assert.deepEqual(told, ['resolved']);
  assert.equal(timers(), before);
});

test('an exit seen before the last message: the wait ends soon after the message, not 2 s later', async () => {
  const before = timers();
  const state = { finished: false, cancelled: false };
  const { worker, told } = watched(state);
  worker.emit('exit', 0);
  await sleep(150);
  state.finished = true;
  await sleep(250);
  assert.deepEqual(told, []);
  assert.equal(timers(), before);
});

test('an exit without the last message is a failure after 2 s; a non-zero exit at once; a cancelled pool resolves', async () => {
  const lost = watched({ finished: false, cancelled: false });
  lost.worker.emit('exit', 0);
  await sleep(2300);
  assert.deepEqual(lost.told, ['rejected: a test worker exited without finishing its jobs']);
  const crashed = watched({ finished: false, cancelled: false });
  crashed.worker.emit('exit', 1);
  assert.deepEqual(crashed.told, ['rejected: a test worker exited with code 1']);
  const cancelled = watched({ finished: false, cancelled: true });
  cancelled.worker.emit('exit', 1);
  assert.deepEqual(cancelled.told, ['resolved']);
});
