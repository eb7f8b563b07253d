import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { repoPath, scratchDir } from './run-cli.js';

test('--version prints the package version whatever the working directory', () => {
  const { version } = JSON.parse(readFileSync(repoPath('package.json'), 'utf8')) as { version: string };
  const r = spawnSync(process.execPath, [repoPath('bin/pos-sim.js'), '--version'], { cwd: scratchDir(), encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  assert.equal(r.stdout.trim(), version);
});
