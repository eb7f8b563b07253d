import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { loadSweep } from '../../src/scenario/load.js';
import { runSweepPlan } from '../../src/sweep/run-sweep.js';
import { cellsCsv, replicationsCsv } from '../../src/sweep/sweep-csv.js';
import { repoPath, runCli, scratchDir } from '../cli/run-cli.js';

test("a sweep run in memory has the numbers of pos-sim sweep's folder, on 1 or 2 threads", async () => {
  const file = repoPath('test/fixtures/scenarios/sweep-small.yaml');
  const { plan } = loadSweep(file, readFileSync(file, 'utf8'));
  const out = join(scratchDir(), 'sweep');
  const cli = runCli(['sweep', file, '--out', out, '--quiet']);
  assert.equal(cli.status, 0, cli.stderr);
  for (const workers of [1, 2]) {
    let reported = 0;
    const cells = await runSweepPlan(plan, file, { workers, between: async () => undefined, onChunk: (done) => (reported = done) });
    assert.equal(reported, 8, 'every chunk reported');
    assert.equal(cellsCsv(plan, cells.map((c) => c.summary)), readFileSync(join(out, 'cells.csv'), 'utf8'));
    assert.equal(replicationsCsv(plan, cells.map((c) => c.replications)), readFileSync(join(out, 'replications.csv'), 'utf8'));
  }
});
