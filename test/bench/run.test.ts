import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '../../bench/workloads.js';

test('npm run bench -- --only workers --replications N times N replications on one worker and on every core', () => {
  const tsx = join(REPO_ROOT, 'node_modules/.bin/tsx');
  const r = spawnSync(tsx, ['bench/run.ts', '--only', 'workers', '--replications', '3', '--scale', '0.001'], { cwd: REPO_ROOT, encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  const path = /^results: (.+\.json)$/m.exec(r.stdout)?.[1];
  assert.ok(path, r.stdout);
  try {
    const report = JSON.parse(readFileSync(join(REPO_ROOT, path), 'utf8'));
    assert.deepEqual(report.workloads, []);
    assert.equal(report.speedup.status, 'ok');
    assert.equal(report.speedup.replications, 3);
    assert.equal(report.speedup.rounds, 10); // whales-10k's 10,000 rounds at scale 0.001
    assert.ok(report.speedup.oneWorkerCpuSeconds > 0 && report.speedup.allCoresCpuSeconds > 0);
    assert.match(r.stdout, /^workers: 3 replications of whales-10k \(10 rounds\): 1 worker /m);
  } finally {
    rmSync(join(REPO_ROOT, path), { force: true });
  }
});
