import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { parse } from 'csv-parse/sync';
import { runSweep } from '../../src/api/index.js';
import { repoPath, runCli, scratchDir } from '../cli/run-cli.js';

test("runSweep gives every cell's values, seed, summary and replications: the numbers of pos-sim sweep's cells.csv", async () => {
  const file = repoPath('test/fixtures/scenarios/sweep-small.yaml');
  const out = join(scratchDir(), 'sweep');
  const cli = runCli(['sweep', file, '--out', out, '--quiet']);
  assert.equal(cli.status, 0, cli.stderr);
  const rows = parse(readFileSync(join(out, 'cells.csv')), { columns: true }) as Record<string, string>[];
  let progress = 0;
  const sweep = await runSweep(file, { workers: 2, onProgress: (done) => (progress = done) });
  assert.deepEqual(sweep.fields, ['rewards.constant', 'validators.whale.count']);
  assert.equal(progress, 8);
  assert.equal(sweep.cells.length, rows.length);
  sweep.cells.forEach((cell, i) => {
    const row = rows[i] as Record<string, string>;
    assert.equal(String(cell.values['rewards.constant']), row['rewards.constant']);
    assert.equal(String(cell.seed), row['seed']);
    assert.equal(String(cell.summary.stakeGini.mean), row['stake_gini_mean']);
    assert.equal(String(cell.summary.series.find((s) => s.name === 'group:small')?.withinBand[0]?.low), row['group:small:within_10pct_low']);
    assert.equal(cell.replications.length, 6);
    assert.equal(cell.scenario.seed, cell.seed);
  });
  await assert.rejects(runSweep(repoPath('scenarios/whales.yaml')), /this file has no sweep block/);
});
