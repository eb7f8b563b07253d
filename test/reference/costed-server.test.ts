import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CostedServer } from '../../src/reference/costed-server.js';
import { ReferenceRun } from '../../src/reference/run.js';
import { loadScenario } from '../../src/scenario/load.js';

/** A costed scenario at speed-up 1 whose costs are round numbers, so that times can be worked out by hand. */
function costedRun(validators: string, extra = '') {
  const text = `name: t
seed: 1
duration: 30
lottery: literal
timing: costed
costs: {lineUs: 1000, connectUs: 1000, wakeUs: 0, threadStartUs: 0, sleepLatencyUs: 0, clientSleepLatencyUs: 0, ticketUs: 0, dumpBlockUs: 0}
${extra}
validators:
${validators}`;
  const run = new ReferenceRun(loadScenario('t.yaml', text), { round: () => {} });
  const result = run.runToEnd();
  return { result, costed: run.costedCounters };
}

test('quirk 8: lines that reach a busy handler are read together by its next recv, and int() evicts', () => {
  // Line 1 at 2 s is read at once (the handler waits in recv) and handled until 2.001;
  // lines 2 and 3 arrive at 2.0003 and 2.0006, wait in the socket, and are read as one text.
  const { result, costed } = costedRun(`  - {name: a, stake: 100, connect: 1, submit: {at: [2, 2.0003, 2.0006]}}`);
  assert.equal(result.validators.blocksSubmitted[0], 1);
  assert.equal(result.counters.evictions, 1);
  assert.equal(costed?.framingEvictions, 1);
});

test('quirk 8: a line one line-cost apart is read on its own', () => {
  const { result, costed } = costedRun(`  - {name: a, stake: 100, connect: 1, submit: {at: [2, 2.0003, 2.0011]}}`);
  // Line 2 waits until 2.001 and is read alone; line 3 arrives while line 2 is handled (2.001-2.002), and is
  // read alone at 2.002.
  assert.equal(result.validators.blocksSubmitted[0], 3);
  assert.equal(result.counters.evictions, 0);
  assert.equal(costed?.framingEvictions, 0);
});

test('quirk 8 at the balance prompt: a BPM typed before the handler reads the balance makes the balance bytes, and the first draw dies', () => {
  // The handler starts at 1 and reads at 1.001: the balance and the BPM typed at 1.0005 come together.
  const { result, costed } = costedRun(`  - {name: a, stake: 100, connect: 1, submit: {at: [1.0005, 3]}}
  - {name: b, stake: 100, connect: 2, submit: {at: [4]}}`);
  assert.equal(costed?.mergedBalances, 1);
  assert.equal(result.counters.halt?.reason, 'bad-balance');
  assert.equal(result.counters.rounds, 0);
});

test('the ideal clock has no costed counters, and a costed run is the same run for the same seed', () => {
  const ideal = new ReferenceRun(loadScenario('t.yaml', 'name: t\nseed: 1\nduration: 30\nvalidators:\n  - {name: a, stake: 1, submit: {every: 10}}\n'), { round: () => {} });
  ideal.runToEnd();
  assert.equal(ideal.costedCounters, null);
  const twice = [1, 2].map(() => costedRun(`  - {name: a, stake: 100, connect: 1, submit: {every: 1}}
  - {name: b, stake: 300, connect: 1.5, submit: {every: 0.7}}`, 'speedup: 50'));
  const record = (r: (typeof twice)[number]) =>
    JSON.stringify({ counters: r.result.counters, costed: r.costed, wins: Array.from(r.result.validators.wins) }, (_k, v) => (typeof v === 'bigint' ? String(v) : v));
  assert.equal(record(twice[0] as (typeof twice)[number]), record(twice[1] as (typeof twice)[number]));
  assert.ok((twice[0]?.result.counters.rounds ?? 0) > 0);
});

test("the intake's first pass comes threadStartUs after run() starts, with no sleep's lateness; each later one a sleep and one lateness after the last", () => {
  const moves: number[] = [];
  const prototype = CostedServer.prototype as unknown as { moveCandidates(): void; clock: { nowUs: number } };
  const original = prototype.moveCandidates;
  prototype.moveCandidates = function (this: typeof prototype) {
    moves.push(this.clock.nowUs);
    original.call(this);
  };
  try {
    const text = `name: t
seed: 1
duration: 30
timing: costed
costs: {lineUs: 0, connectUs: 0, wakeUs: 0, threadStartUs: 1000, sleepLatencyUs: 100, ticketUs: 0, dumpBlockUs: 0}
validators:
  - {name: a, stake: 100, connect: 1, submit: {every: 10}}
`;
    new ReferenceRun(loadScenario('t.yaml', text), { round: () => {} }).runToEnd();
  } finally {
    prototype.moveCandidates = original;
  }
  // Thread.start() is timed whole (the new thread's first wake-up in it): the first pass is exactly 1 ms in.
  assert.equal(moves[0], 1000);
  assert.ok(moves.length >= 5);
  for (let k = 1; k < moves.length; k++) {
    const late = (moves[k] as number) - (moves[k - 1] as number) - 5e6;
    assert.ok(late >= 0 && late <= 200, `pass ${k}: ${late} µs late`);
  }
});

test("a client's lines reach the handler late by a draw in [0, 2 clientSleepLatencyUs], in the order they were sent", () => {
  const reads: number[] = [];
  const prototype = CostedServer.prototype as unknown as { handleLines(...args: unknown[]): unknown; clock: { nowUs: number } };
  const original = prototype.handleLines;
  prototype.handleLines = function (this: typeof prototype, ...args: unknown[]) {
    reads.push(this.clock.nowUs);
    return original.apply(this, args);
  };
  try {
    const text = `name: t
seed: 3
duration: 60
timing: costed
costs: {lineUs: 0, connectUs: 0, wakeUs: 0, threadStartUs: 0, sleepLatencyUs: 0, clientSleepLatencyUs: 100, ticketUs: 0, dumpBlockUs: 0}
validators:
  - {name: a, stake: 100, connect: 0.5, submit: {every: 1, phase: 0.5}}
`;
    new ReferenceRun(loadScenario('t.yaml', text), { round: () => {} }).runToEnd();
  } finally {
    prototype.handleLines = original;
  }
  // Lines typed at 1, 2, ... s; with no cost of its own, each is read as it arrives.
  const lates = reads.map((t, k) => t - (1 + k) * 1e6);
  assert.ok(lates.length >= 50);
  assert.ok(lates.every((late) => late >= 0 && late <= 200), `lateness out of [0, 200] µs: ${lates.join(', ')}`);
  assert.ok(new Set(lates).size > 10, 'the lateness is drawn, not fixed');
});

test("a client's close never reaches the server before the line it sent just before", () => {
  // The close comes 1 µs after the line; drawn on their own, their lateness (up to 10 ms)
  // would put the close first in about half the seeds, and the line would be lost.
  for (let seed = 1; seed <= 20; seed++) {
    const text = `name: t
seed: ${seed}
duration: 30
timing: costed
costs: {lineUs: 0, connectUs: 0, wakeUs: 0, threadStartUs: 0, sleepLatencyUs: 0, clientSleepLatencyUs: 5000, ticketUs: 0, dumpBlockUs: 0}
validators:
  - {name: a, stake: 100, connect: 1, submit: {at: [2]}, leave: 2.000001}
`;
    const run = new ReferenceRun(loadScenario('t.yaml', text), { round: () => {} });
    const result = run.runToEnd();
    assert.equal(result.validators.blocksSubmitted[0], 1, `seed ${seed}`);
  }
});
