import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, openSync, readFileSync, truncateSync, writeFileSync, closeSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { asUserError } from '../../src/cli/system-error.js';
import { UserError } from '../../src/cli/user-error.js';
import { repoPath, runCli, scratchDir } from './run-cli.js';

const noStack = (stderr: string) => assert.doesNotMatch(stderr, /\n\s+at |internal error/, stderr);

test('validate checks every file whatever happens to one, and exits 2 if any is bad', () => {
  const dir = scratchDir();
  writeFileSync(join(dir, 'big.yaml'), 'name: b\nseed: 1\nrounds: 3\nvalidators:\n  - {name: a, stake: "99999999999999999999999", submit: {every: 10}}\n');
  const r = runCli(['validate', join(dir, 'missing.yaml'), join(dir, 'big.yaml'), dir, 'scenarios/whales.yaml']);
  assert.equal(r.status, 2);
  noStack(r.stderr);
  assert.match(r.stderr, /cannot read scenario .*missing\.yaml: no such file/);
  assert.match(r.stderr, /big\.yaml:5:22 validators\[0\]\.stake: "99999999999999999999999" reads as an integer beyond 2\^53 - 1/);
  assert.match(r.stderr, /cannot read scenario .*: it is a folder/);
  assert.match(r.stdout, /whales\.yaml: ok/);
});

test('report on a truncated CSV or a corrupt manifest.json: one line naming the file, exit 2', () => {
  const dir = join(scratchDir(), 'r');
  cpSync(repoPath('test/fixtures/results/seed-rewards'), dir, { recursive: true });
  writeFileSync(join(dir, 'manifest.json'), '{"tool": {"name": "pos-sim"');
  const manifest = runCli(['report', dir]);
  assert.equal(manifest.status, 2, manifest.stderr);
  noStack(manifest.stderr);
  assert.match(manifest.stderr, /^pos-sim: manifest\.json of the results folder is not valid JSON .*was it truncated or edited\?\n$/);
  cpSync(repoPath('test/fixtures/results/seed-rewards/manifest.json'), join(dir, 'manifest.json'));
  const rounds = join(dir, 'rounds.csv');
  truncateSync(rounds, Math.floor(statSync(rounds).size / 2) + 7);
  writeFileSync(join(dir, 'timeseries.csv'), readFileSync(join(dir, 'timeseries.csv'), 'utf8').replace(/\n([^\n]*)\n$/, '\n$1,extra,"unclosed\n'));
  const csv = runCli(['report', dir]);
  assert.equal(csv.status, 2, csv.stderr);
  noStack(csv.stderr);
  assert.match(csv.stderr, /^pos-sim: .*\.csv is not a valid CSV file \(.*\): was it truncated or edited\?\n$/);
});

test('a full disk on stdout is one line on stderr, exit 2', () => {
  const full = openSync('/dev/full', 'w');
  try {
    const r = spawnSync(process.execPath, [repoPath('bin/pos-sim.js'), 'validate', 'scenarios/tutorial.yaml'], {
      cwd: repoPath(),
      encoding: 'utf8',
      stdio: ['ignore', full, 'pipe'],
    });
    assert.equal(r.status, 2, r.stderr);
    assert.equal(r.stderr, 'pos-sim: cannot write to standard output: ENOSPC\n');
  } finally {
    closeSync(full);
  }
});

test('--workers beyond the core count is capped, with a note', () => {
  const out = join(scratchDir(), 'w');
  const r = runCli(['run', 'scenarios/tutorial.yaml', '--out', out, '--workers', '64', '--replications', '2', '--no-report']);
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stderr, /--workers 64 is more than this machine's \d+ cores; using \d+/);
  const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')) as { run: { workers: number } };
  assert.ok(manifest.run.workers <= 64 && manifest.run.workers >= 1 && manifest.run.workers < 64);
});

test("the system's refusals (EACCES, EPERM, ENOSPC...) become one line naming what was done and the path", () => {
  const refusal = Object.assign(new Error("EACCES: permission denied, mkdir '/x/.y'"), { code: 'EACCES', path: '/x/.y' });
  const mapped = asUserError(refusal, 'cannot create the results folder /x/y');
  assert.ok(mapped instanceof UserError);
  assert.equal(mapped.message, 'cannot create the results folder /x/y (/x/.y): permission denied (EACCES)');
  const eperm = asUserError(Object.assign(new Error('x'), { code: 'EPERM' }), 'cannot move the results into /z');
  assert.equal((eperm as Error).message, 'cannot move the results into /z: operation not permitted (EPERM)');
  const bug = new TypeError('not a system error');
  assert.equal(asUserError(bug, 'anything'), bug, 'errors of pos-sim itself are not disguised');
});

test('a scenario file beyond 1 MB is refused before it is parsed', () => {
  const file = join(scratchDir(), 'huge.yaml');
  writeFileSync(file, `name: huge\nseed: 1\nrounds: 3\ndescription: "${'x'.repeat(1024 * 1024)}"\nvalidators: []\n`);
  const r = runCli(['validate', file]);
  assert.equal(r.status, 2);
  assert.match(r.stderr, /^pos-sim: scenario .*huge\.yaml is 1\.0 MB; pos-sim reads scenario files up to 1 MB/);
});

test('manifest.json stores the scenario text once: the description is read back from it', () => {
  const dir = scratchDir();
  const file = join(dir, 'described.yaml');
  writeFileSync(file, 'name: described\ndescription: "A line only the source holds."\nseed: 1\nrounds: 3\nvalidators:\n  - {name: a, count: 2, stake: 5, submit: {every: 10}}\n');
  const out = join(dir, 'out');
  const r = runCli(['run', file, '--out', out, '--quiet']);
  assert.equal(r.status, 0, r.stderr);
  const manifestText = readFileSync(join(out, 'manifest.json'), 'utf8');
  assert.equal(manifestText.split('A line only the source holds.').length, 2, 'the description appears once');
  assert.match(readFileSync(join(out, 'report.html'), 'utf8'), /A line only the source holds\./);
});
