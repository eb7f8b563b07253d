import assert from 'node:assert/strict';
import { test } from 'node:test';
import { EventQueue } from '../../src/reference/event-queue.js';
import { acquire, act, cpu, Gil, Mutex, release, type GilClock } from '../../src/reference/gil.js';

/** A clock on the reference event queue, and a log of (time, what). */
function setUp(switchIntervalUs = 5, pickWaiter?: (n: number) => number, handoffUs?: (n: number) => number) {
  const queue = new EventQueue();
  let now = 0;
  const clock: GilClock = {
    get nowUs() {
      return now;
    },
    at: (timeUs, event) => queue.push(timeUs, 0, 0, event),
  };
  const log: string[] = [];
  const note = (what: string) => act(() => void log.push(`${now} ${what}`));
  const run = (untilUs = 1e9) => {
    while (queue.size > 0 && queue.nextTimeUs <= untilUs) {
      const event = queue.pop();
      now = event.timeUs;
      event.run();
    }
  };
  const at = (timeUs: number, event: () => void) => queue.push(timeUs, 0, 0, event);
  return { gil: new Gil(clock, switchIntervalUs, pickWaiter, handoffUs), log, note, run, at };
}

test('two CPU-bound threads share the GIL: the waiter forces a switch after the interval', () => {
  const { gil, log, note, run } = setUp(5);
  gil.start('A', [cpu(12), note('A done')]);
  gil.start('B', [cpu(3), note('B done')]);
  run();
  // A 0-5, B 5-8 (done), A 8-15.
  assert.deepEqual(log, ['8 B done', '15 A done']);
  assert.equal(gil.busyUs, 15);
});

test('a thread alone runs its work without switches; one arriving later waits one interval', () => {
  const { gil, log, note, run, at } = setUp(5);
  gil.start('A', [cpu(20), note('A done')]);
  at(7, () => gil.start('B', [cpu(1), note('B done')]));
  run();
  // B waits from 7 to 12, runs to 13; A has 20 - 12 = 8 left: 13-21.
  assert.deepEqual(log, ['13 B done', '21 A done']);
});

test('an atomic step (one C call) is not interrupted', () => {
  const { gil, log, note, run } = setUp(5);
  gil.start('A', [cpu(20, true), note('A done')]);
  gil.start('B', [cpu(1), note('B done')]);
  run();
  assert.deepEqual(log, ['20 A done', '21 B done']);
});

test('a spinning thread holds the GIL until someone waits, then gives it up after the interval', () => {
  const { gil, log, note, run, at } = setUp(5);
  gil.start('spinner', [{ kind: 'spin' }, note('spinner checks')]);
  at(100, () => gil.start('B', [cpu(2), note('B done')]));
  run();
  assert.deepEqual(log, ['107 B done', '107 spinner checks']);
});

test('a lock held across a yield blocks the others on it, and not the ones that do not need it', () => {
  const { gil, log, note, run } = setUp(5);
  const lock = new Mutex();
  gil.start('main', [cpu(1)]); // holds the GIL while the three below become runnable, in this order
  gil.start('sender', [acquire(lock), { kind: 'yield' }, cpu(2, true), note('sender dumped'), release(lock)]);
  gil.start('lottery', [acquire(lock), note('lottery has the lock'), release(lock)]);
  gil.start('intake', [cpu(1), note('intake moved')]);
  run();
  // At 1 the sender takes the lock and yields; the lottery blocks on it; intake runs 1-2; sender 2-4, then the lottery.
  assert.deepEqual(log, ['2 intake moved', '4 sender dumped', '4 lottery has the lock']);
});

test('after a blocking release, a thread switched out of a spin retakes the GIL when the draw says so', () => {
  for (const [draw, expected] of [
    // Drawn 0: the spinner retakes the GIL at 101 (B blocked), and C waits one more interval: 101 + 5, runs to 107.
    [0, ['101 B blocks', '107 C done']],
    // Drawn 1: C, the longest waiter, runs at 101.
    [1, ['101 B blocks', '102 C done']],
  ] as const) {
    const { gil, log, note, run, at } = setUp(5, () => draw);
    const spin = (): ReturnType<typeof note>[] => [{ kind: 'spin' }, act(spin)] as never;
    gil.start('spinner', spin());
    at(95, () => gil.start('B', [cpu(1), note('B blocks')]));
    at(99, () => gil.start('C', [cpu(1), note('C done')]));
    run(200);
    assert.deepEqual(log, expected);
  }
});

test('a hand-off takes its time per thread waiting; nobody holds the GIL meanwhile, and a thread arriving then queues', () => {
  const { gil, log, note, run, at } = setUp(100, undefined, (n) => 3 * n);
  gil.start('A', [note('A starts'), cpu(10), note('A done')]);
  gil.start('B', [note('B starts'), cpu(4), note('B done')]);
  at(11, () => gil.start('C', [note('C starts')]));
  at(30, () => gil.start('D', [note('D starts')]));
  run();
  // A ends at 10 with B waiting: 3 µs of hand-off, B at 13. C, arriving at 11, waits
  // for B (13-17), then for its own hand-off (one waiting: 3 µs). D finds the GIL free.
  assert.deepEqual(log, ['0 A starts', '10 A done', '13 B starts', '17 B done', '20 C starts', '30 D starts']);
  assert.equal(gil.busyUs, 14);
});

test('a forced switch hands off too: the switched-out thread counts among the waiters', () => {
  const { gil, log, note, run } = setUp(5, undefined, (n) => 2 * n);
  gil.start('A', [cpu(12), note('A done')]);
  gil.start('B', [cpu(3), note('B done')]);
  run();
  // A 0-5; two waiting (B, then A): 4 µs, B 9-12 (done); A alone waits: 2 µs, A 14-21.
  assert.deepEqual(log, ['12 B done', '21 A done']);
  assert.equal(gil.busyUs, 15);
});

test('a thread that gives the GIL up the instant it gets it hands off again: no waiter skips its hand-off', () => {
  const ends = setUp(100, undefined, (n) => 3 * n);
  ends.gil.start('A', [cpu(10), ends.note('A done')]);
  ends.gil.start('B', [ends.note('B starts')]);
  ends.gil.start('C', [ends.note('C starts')]);
  ends.run();
  // At 10 two wait: 6 µs, B at 16 ends at once; one waits: 3 µs, C at 19.
  assert.deepEqual(ends.log, ['10 A done', '16 B starts', '19 C starts']);
  const yields = setUp(100, undefined, (n) => 3 * n);
  yields.gil.start('A', [cpu(10), yields.note('A done')]);
  yields.gil.start('S', [yields.note('S starts'), { kind: 'yield' }, yields.note('S resumes')]);
  yields.gil.start('C', [yields.note('C starts')]);
  yields.run();
  // S at 16 yields to C at once: C and S wait, 6 µs, C at 22; then S alone, 3 µs, at 25.
  assert.deepEqual(yields.log, ['10 A done', '16 S starts', '22 C starts', '25 S resumes']);
});
