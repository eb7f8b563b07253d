import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { runCli, scratchDir } from './run-cli.js';

test('the fast engine refuses timing: costed with the file and line of the field, exit 2; the reference engine runs it', () => {
  const dir = scratchDir();
  const file = join(dir, 'costed.yaml');
  writeFileSync(file, 'name: costed\nseed: 1\nduration: 60\ntiming: costed\nspeedup: 20\nvalidators:\n  - {name: a, stake: 1, submit: {every: 10}}\n');
  const fast = runCli(['run', file, '--out', join(dir, 'fast'), '--quiet']);
  assert.equal(fast.status, 2);
  assert.match(fast.stderr, /costed\.yaml:4:9 timing: the costed clock runs on the reference server only: add --engine reference/);
  const reference = runCli(['run', file, '--out', join(dir, 'reference'), '--quiet', '--no-report', '--engine', 'reference']);
  assert.equal(reference.status, 0, reference.stderr);
});
