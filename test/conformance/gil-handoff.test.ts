/**
 * conformance/gil_handoff.py, the measurement behind the costed model's
 * handoffPerWaiterUs, run for real on a short setting: it must see hand-offs, and never
 * two threads running Python at once (the GIL), which would mean its timeline of runs
 * is wrong. Skipped, with the reason, where python3 is missing.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { test } from 'node:test';

const SCRIPT = new URL('../../conformance/gil_handoff.py', import.meta.url).pathname;
const python = spawnSync('python3', ['--version'], { encoding: 'utf8' });
const skip = python.status !== 0 ? 'python3 is not available' : false;

interface Measured {
  threads: number;
  handoffs: number;
  meanUs?: number;
  overlaps: number;
}

test('gil_handoff.py sees the GIL handed on, one thread at a time, and sums the runs up', { skip }, () => {
  const run = spawnSync('python3', [SCRIPT, '--threads', '2,20', '--seconds', '1', '--repeat', '1'], { encoding: 'utf8', timeout: 60_000 });
  assert.equal(run.status, 0, run.stderr);
  const lines = run.stdout.trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
  const measured = lines.filter((l) => 'handoffs' in l) as unknown as Measured[];
  assert.deepEqual(measured.map((m) => m.threads), [2, 20]);
  for (const m of measured) {
    // A forced switch every 5 ms makes some 200 in a second; a collapsed run (see
    // docs/conformance.md) still made dozens. Four are what a mean needs.
    assert.ok(m.handoffs >= 4, `${m.threads} threads: ${m.handoffs} hand-offs`);
    assert.equal(m.overlaps, 0, `${m.threads} threads: runs overlapped`);
    assert.ok((m.meanUs as number) > 0);
  }
  // One run per thread count: every bootstrap resample is that run, so the range is the slope itself.
  const summary = lines.at(-1) as { bUsPerWaiter: number; b95: [number, number] };
  assert.equal(typeof summary.bUsPerWaiter, 'number');
  assert.deepEqual(summary.b95, [summary.bUsPerWaiter, summary.bUsPerWaiter]);
});
