/**
 * The tutorial's real pos.py (cut from ../shared/seed/pos-tutorial.txt at run time by
 * conformance/seed_server.py, never stored here), started on a free loopback port and
 * driven by scripted clients (conformance/run_real.py, which kills the server at the
 * end): the deterministic parts exactly (block text and hashes, the two crash
 * triggers, thread counts), then a short conformance check, one scenario at one
 * speed-up. Skipped, with the reason, where python3 or the tutorial is missing.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { lastChainIn } from '../../src/audit/seed-chain.js';
import { harnessPlan, METRIC_NAMES, realRunMetrics, summarize, type HarnessPlan, type RealRun } from '../../src/conformance/metrics.js';
import { simulatedRunMetrics } from '../../src/conformance/simulated-metrics.js';
import { chainJson, generateBlock, genesisBlock, type Block } from '../../src/reference/chain.js';
import { ReferenceRun } from '../../src/reference/run.js';
import { loadScenario } from '../../src/scenario/load.js';
import type { PeriodRecord } from '../../src/model/records.js';

const REPO = new URL('../../', import.meta.url).pathname;
const TUTORIAL = join(REPO, '../shared/seed/pos-tutorial.txt');
const python = spawnSync('python3', ['--version'], { encoding: 'utf8' });
const skip = python.status !== 0 ? 'python3 is not available' : !existsSync(TUTORIAL) ? `the tutorial is not at ${TUTORIAL}` : false;

function runReal(plan: HarnessPlan, speedup: number, streamDir?: string): RealRun {
  const dir = mkdtempSync(join(tmpdir(), 'pos-sim-real-'));
  try {
    const planPath = join(dir, 'plan.json');
    writeFileSync(planPath, JSON.stringify(plan));
    const args = [join(REPO, 'conformance/run_real.py'), '--tutorial', TUTORIAL, '--plan', planPath, '--speedup', String(speedup)];
    const run = spawnSync('python3', streamDir === undefined ? args : [...args, '--stream-dir', streamDir], { encoding: 'utf8', maxBuffer: 1 << 28, timeout: 120_000 });
    assert.equal(run.status, 0, `run_real.py: ${run.stderr}`);
    return JSON.parse(run.stdout) as RealRun;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const scenarioText = (body: string) => `name: t\nseed: 1\nlottery: literal\n${body}`;
const demo = loadScenario('tutorial-demo.yaml', readFileSync(join(REPO, 'conformance/scenarios/tutorial-demo.yaml'), 'utf8'));

test('the real server writes blocks and the chain byte for byte as pos-sim does, hashes included', { skip }, () => {
  const streams = mkdtempSync(join(tmpdir(), 'pos-sim-streams-'));
  let text: string;
  try {
    runReal(harnessPlan(demo), 20, streams);
    text = readFileSync(join(streams, 'alice.txt'), 'utf8');
  } finally {
    rmSync(streams, { recursive: true, force: true });
  }
  const real = lastChainIn(text);
  // Usually block 1 is in it; a run whose first round was wiped (see the table) has the genesis block alone.
  assert.ok(real.length >= 1);
  // Rebuild each block with pos-sim's generate_block on the block it names as its predecessor.
  const rebuilt: Block[] = [genesisBlock(real[0]?.Timestamp as string)];
  for (const block of real.slice(1)) {
    const previous = rebuilt.find((b) => b.hash === block.PrevHash) as Block;
    assert.ok(previous, `block ${block.Index} names a predecessor of this chain`);
    rebuilt.push(generateBlock(previous, block.BPM as number, block.Timestamp, block.Validator));
  }
  // The sync sender's array: json.dumps(chain), found in what the client received.
  assert.ok(text.includes(chainJson(rebuilt)));
});

test('the crash triggers: a bad balance and an empty pool kill the real lottery thread, as pos-sim says', { skip }, () => {
  const cases = [
    { body: 'duration: 12\nvalidators:\n  - {name: a, stake: "abc", connect: 1, submit: {at: [2]}}\n', reason: 'bad-balance', error: 'TypeError' },
    { body: 'duration: 12\nvalidators:\n  - {name: a, stake: 100, connect: 1, submit: {at: [2]}, leave: 3}\n', reason: 'empty-pool', error: 'IndexError' },
  ];
  for (const { body, reason, error } of cases) {
    const scenario = loadScenario('t.yaml', scenarioText(body));
    const died = runReal(harnessPlan(scenario), 20).events.filter((e) => e.kind === 'thread_died');
    assert.deepEqual(died.map((e) => [String(e['thread']).includes('pick_winner'), e['error']]), [[true, error]]);
    const simulated = new ReferenceRun(scenario, { round: () => {} }).runToEnd();
    assert.equal(simulated.counters.halt?.reason, reason);
  }
});

test("the real server's thread count at 30 s is pos-sim's, on either clock", { skip }, () => {
  const sample = runReal(harnessPlan(demo), 20).events.find((e) => e.kind === 'threads');
  const threadsAt30 = (costed: boolean) => {
    const periods: PeriodRecord[] = [];
    const { costed: _, ...ideal } = demo;
    new ReferenceRun(costed ? demo : ideal, { round: () => {}, period: (p) => void periods.push(p) }).runToEnd();
    return periods.find((p) => p.timeUs === 30e6)?.threads;
  };
  // main, intake, lottery, 3 handlers, 3 + 3 pollers, 3 sync senders.
  assert.equal(sample?.['count'], 15);
  assert.equal(threadsAt30(false), 15);
  assert.equal(threadsAt30(true), 15);
});

test('short conformance: the tutorial demo at 20x, 3 real runs against pos-sim costed over 100 seeds', { skip }, (t) => {
  const real = [1, 2, 3].map(() => realRunMetrics(runReal(harnessPlan(demo), 20)));
  const sim = Array.from({ length: 100 }, (_, i) => simulatedRunMetrics({ ...demo, seed: i + 1, costed: { ...demo.costed!, speedup: 20 } }));
  for (const metric of METRIC_NAMES) {
    const s = summarize(sim.map((m) => m[metric]));
    t.diagnostic(`${metric}: real ${real.map((m) => m[metric]).join(', ')}; pos-sim ${s.mean.toFixed(3)} [${s.low}, ${s.high}]`);
  }
  // What does not depend on thread timing must agree exactly; the rest is reported above (npm run conformance for the table).
  for (const m of real) {
    assert.equal(m.lotteryDied, 0);
    assert.equal(m.framingEvictions, 0);
    assert.ok(m.blocks <= 2);
  }
  assert.ok(sim.every((m) => m.lotteryDied === 0 && m.framingEvictions === 0 && m.blocks >= 1 && m.blocks <= 2));
});
