import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCommand } from '../../src/cli/run-command.js';
import { UserError } from '../../src/cli/user-error.js';
import { ReferenceRun } from '../../src/reference/run.js';
import { s, scenario, validator } from '../model/scenario-builders.js';

test('a reference run advanced in slices ends as one run to the end', () => {
  const sc = scenario(
    [validator('a', { submissions: { kind: 'poisson', ratePerSecond: 0.5 } }), validator('b', { connectUs: 3, at: [2, 9, 33] })],
    { durationUs: s(95) },
  );
  const whole = new ReferenceRun(sc, { round: () => undefined }).runToEnd();
  const sliced = new ReferenceRun(sc, { round: () => undefined });
  let slices = 0;
  while (!sliced.advance(s(7))) slices++;
  assert.ok(slices > 10);
  const plain = (r: typeof whole) => ({ ...r, validators: { ...r.validators, addressOf: [0, 1].map(r.validators.addressOf) } });
  assert.deepEqual(plain(sliced.result()), plain(whole));
  assert.equal(sliced.progress, 1);
});

test('pos-sim run --engine reference runs one replication and says so when asked for more', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'pos-sim-reference-run-'));
  try {
    const scenarioPath = join(dir, 'one.yaml');
    writeFileSync(scenarioPath, 'name: one\nseed: 1\nduration: 30\nvalidators: [{name: a, stake: 5, submit: {every: 10}}]\n');
    const options = { scenarioPath, force: true, quiet: true, chain: false, report: false, engine: 'reference' as const, argv: [], resultsRoot: dir };
    await assert.rejects(runCommand({ ...options, out: join(dir, 'many'), replications: 3, workers: 1 }), (e) => e instanceof UserError && /one replication/.test(e.message));
    const outcome = await runCommand({ ...options, out: join(dir, 'one') });
    assert.equal(outcome.summary.rounds, 2);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
