import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { differentialCase } from './random-documents.js';
import { compareCase } from './results-folders.js';

/** Cases run by `npm test`; `npm run differential -- --cases N` runs more. */
const CI_CASES = 300;

test(`the fast model and the reference server write the same results folders, byte for byte (${CI_CASES} random scenarios)`, async () => {
  const root = mkdtempSync(join(tmpdir(), 'pos-sim-differential-test-'));
  const seen = new Map<string, number>();
  const note = (what: string) => seen.set(what, (seen.get(what) ?? 0) + 1);
  try {
    for (let seed = 1; seed <= CI_CASES; seed++) {
      const dir = join(root, String(seed));
      const outcome = await compareCase(differentialCase(seed), dir);
      assert.deepEqual(outcome, { kind: 'identical' }, `case ${seed} (npm run differential -- --from ${seed} --cases 1 --keep)`);
      noteWhatItShowed(JSON.parse(readFileSync(join(dir, 'fast', 'summary.json'), 'utf8')) as Summary, note);
      rmSync(dir, { recursive: true, force: true });
    }
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
  // The generator reaches what it is meant to: a suite that never halts cannot check halting.
  for (const what of [
    'stop rounds', 'stop duration', 'stop halted', 'stop idle', 'halt empty-pool', 'halt bad-balance',
    'rules fixed', 'lottery literal', 'rewards inflation', 'rewards geometric', 'rewards constant',
    'staleBlocksAppended', 'addressCollisions', 'balancesRefused', 'emptyPoolsSkipped', 'announcementsLost', 'evictions',
  ]) {
    assert.ok((seen.get(what) ?? 0) >= 2, `only ${seen.get(what) ?? 0} cases with ${what}`);
  }
});

interface Summary {
  stopReason: string;
  rules: string;
  lottery: string;
  rewards: { rule: { kind: string } };
  quirks: Record<string, number> & { halt: { reason: string } | null };
}

function noteWhatItShowed(summary: Summary, note: (what: string) => void): void {
  const q = summary.quirks;
  note(`stop ${summary.stopReason}`);
  note(`rules ${summary.rules}`);
  note(`lottery ${summary.lottery}`);
  note(`rewards ${summary.rewards.rule.kind}`);
  if (q.halt) note(`halt ${q.halt.reason}`);
  for (const counter of ['staleBlocksAppended', 'addressCollisions', 'balancesRefused', 'emptyPoolsSkipped', 'announcementsLost', 'evictions']) {
    if ((q[counter] as number) > 0) note(counter);
  }
}

test('known difference, left: a run that stops between whole milliseconds loses the sync writes of its last partial ms in the fast model', async () => {
  // Fixed rules: the sender of a connection made at 0.5 ms writes at 30.0005 s; the only
  // client leaves at 30.0007 s, nothing waits, and the run stops idle there. The reference
  // counts that write; the fast model counts sync writes to the whole ms before such an
  // end (SyncSenders keeps residues per ms). Whoever fixes it turns this into 'identical'.
  const root = mkdtempSync(join(tmpdir(), 'pos-sim-differential-edge-'));
  try {
    const document = {
      name: 'partial-ms-end',
      seed: 1,
      rounds: 1,
      rules: 'fixed',
      validators: [{ name: 'a', stake: 100, connect: 0.0005, submit: 'none', leave: 30.0007 }],
    };
    assert.deepEqual(await compareCase({ seed: 0, document, chain: false }, root), { kind: 'differs', files: ['quirks.csv', 'summary.json'] });
    const lastRow = (engine: string) => readFileSync(join(root, engine, 'quirks.csv'), 'utf8').trim().split('\n').at(-1);
    assert.equal(lastRow('reference'), '30.0007,0,0,1,0,0,0,1,170,3');
    assert.equal(lastRow('fast'), '30.0007,0,0,1,0,0,0,0,0,3');
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});
