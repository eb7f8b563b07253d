import assert from 'node:assert/strict';
import { test } from 'node:test';
import { wakeCostUs } from '../../src/reference/costed-server.js';
import { ReferenceRun } from '../../src/reference/run.js';
import { DEFAULT_COSTS } from '../../src/scenario/costed-timing.js';
import { loadScenario } from '../../src/scenario/load.js';

/** A costed scenario at speed-up 1 whose costs are round numbers, so that times can be worked out by hand. */
function costedRun(validators: string, extra = '') {
  const text = `name: t
seed: 1
duration: 30
lottery: literal
timing: costed
costs: {lineUs: 1000, connectUs: 1000, wakeUs: 0, wakeWaiterUs: 0, threadStartUs: 0, sleepLatencyUs: 0, ticketUs: 0, dumpBlockUs: 0}
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

test('a wake-up costs wakeUs plus wakeWaiterUs per thread waiting for the GIL, weighed by the speed-up', () => {
  const timing = { speedup: 20, costs: { ...DEFAULT_COSTS, wakeUs: 1.5, wakeWaiterUs: 0.333 } };
  assert.equal(wakeCostUs(timing, 0), 30);
  // (1.5 + 0.333 x 400) x 20 = 2,694 µs of the seed's time.
  assert.equal(wakeCostUs(timing, 400), 2694);
});

test('wake-ups that slow with the threads contending cost blocks at a high speed-up, hardly any at a low one', () => {
  // Ten clients typing every 2 s: a poller and a sync sender more per line, 3,000 threads by 300 s.
  const clients = `  - {name: a, count: 10, stake: 100, connect: {at: 1, every: 0.1}, submit: {every: 2}}`;
  const blocks = (wakeWaiterUs: number, speedup: number) => {
    const text = `name: t\nseed: 1\nduration: 300\nlottery: literal\ntiming: costed\nspeedup: ${speedup}\ncosts: {wakeWaiterUs: ${wakeWaiterUs}}\nvalidators:\n${clients}\n`;
    return new ReferenceRun(loadScenario('t.yaml', text), { round: () => {} }).runToEnd().counters.rounds;
  };
  // At 20x the pollers' wake-ups pile up behind the spinning lottery and each one costs more (48 blocks -> 29).
  assert.ok(blocks(1, 20) < 0.75 * blocks(0, 20), `${blocks(1, 20)} against ${blocks(0, 20)}`);
  // At 2x the same threads wake ten times less often per real second: the queue never builds (57 -> 56).
  assert.ok(Math.abs(blocks(1, 2) - blocks(0, 2)) <= 3, `${blocks(1, 2)} against ${blocks(0, 2)}`);
});
