import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { homedir, hostname } from 'node:os';
import { dirname, join } from 'node:path';
import { PARTIAL_MARKER } from '../../src/cli/partial-folders.js';
import { checkReplaceable } from '../../src/cli/replace-guard.js';
import { ResultsFolder } from '../../src/cli/results-folder.js';
import { repoPath, scratchDir } from './run-cli.js';

const BIN = repoPath('bin/pos-sim.js');
const TUTORIAL = repoPath('scenarios/tutorial.yaml');

/** Runs the real executable from `cwd`. */
function posSim(args: readonly string[], cwd: string) {
  return spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8' });
}

test('--force refuses the working folder, its ancestors, the root, home, files, links and folders pos-sim did not write', () => {
  const root = scratchDir();
  const cwd = join(root, 'work', 'deeper');
  mkdirSync(cwd, { recursive: true });
  writeFileSync(join(cwd, 'notes.txt'), 'mine');
  const refusals: Array<[string, RegExp]> = [
    ['.', /it is the working folder/],
    ['..', /it holds the working folder/],
    [root, /it holds the working folder/],
    ['/', /it is the root of the file system/],
    [homedir(), /it is your home folder|it holds the working folder/],
  ];
  for (const [path, why] of refusals) assert.throws(() => checkReplaceable(path, cwd), why, path);
  const other = join(root, 'other');
  mkdirSync(other);
  writeFileSync(join(other, 'data.csv'), 'a\n');
  assert.throws(() => checkReplaceable(other, cwd), /it holds files and no manifest\.json: pos-sim did not write it/);
  writeFileSync(join(other, 'manifest.json'), '{"tool": {"name": "something-else"}}');
  assert.throws(() => checkReplaceable(other, cwd), /its manifest\.json is not one pos-sim wrote/);
  assert.throws(() => checkReplaceable(join(other, 'data.csv'), cwd), /it is a file/);
  symlinkSync(other, join(root, 'link'));
  assert.throws(() => checkReplaceable(join(root, 'link'), cwd), /it is a symbolic link/);
  const empty = join(root, 'empty');
  mkdirSync(empty);
  checkReplaceable(empty, cwd);
  const ours = join(root, 'ours');
  mkdirSync(ours);
  writeFileSync(join(ours, 'manifest.json'), '{"tool": {"name": "pos-sim", "version": "0.1.0"}}');
  checkReplaceable(ours, cwd);
});

test('pos-sim run --out . --force (or --out "") deletes nothing and says why', () => {
  const cwd = scratchDir();
  writeFileSync(join(cwd, 'notes.txt'), 'mine');
  const dot = posSim(['run', TUTORIAL, '--out', '.', '--force', '--no-report'], cwd);
  assert.equal(dot.status, 2, dot.stderr);
  assert.match(dot.stderr, /^pos-sim: --force will not replace "\.": it is the working folder; --force only replaces an empty folder or a results folder pos-sim wrote\n$/);
  const blank = posSim(['run', TUTORIAL, '--out', '', '--force', '--no-report'], cwd);
  assert.equal(blank.status, 2, blank.stderr);
  assert.match(blank.stderr, /--out must name a folder, got an empty text/);
  assert.deepEqual(readdirSync(cwd), ['notes.txt']);
});

test('--force replaces a results folder pos-sim wrote, and only after the new one is complete', () => {
  const cwd = scratchDir();
  const first = posSim(['run', TUTORIAL, '--out', 'out', '--no-report', '--quiet'], cwd);
  assert.equal(first.status, 0, first.stderr);
  writeFileSync(join(cwd, 'out', 'stale.txt'), 'from before');
  const again = posSim(['run', TUTORIAL, '--out', 'out', '--no-report', '--quiet', '--force', '--seed', '9'], cwd);
  assert.equal(again.status, 0, again.stderr);
  assert.ok(!existsSync(join(cwd, 'out', 'stale.txt')));
  assert.equal((JSON.parse(readFileSync(join(cwd, 'out', 'manifest.json'), 'utf8')) as { seed: number }).seed, 9);
  assert.deepEqual(readdirSync(cwd), ['out'], 'no partial or replaced folder is left');
});

test('three runs started in the same second all succeed, each in its own folder', async () => {
  const cwd = scratchDir();
  const runs = [0, 1, 2].map(
    () =>
      new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
        const child = spawn(process.execPath, [BIN, 'run', TUTORIAL, '--no-report', '--quiet'], { cwd });
        let stdout = '';
        let stderr = '';
        child.stdout.on('data', (d: Buffer) => (stdout += d));
        child.stderr.on('data', (d: Buffer) => (stderr += d));
        child.on('close', (code) => resolve({ code, stdout, stderr }));
      }),
  );
  const results = await Promise.all(runs);
  for (const r of results) assert.equal(r.code, 0, r.stderr);
  const paths = results.map((r) => r.stdout.trim().replace(/^results: /, ''));
  assert.equal(new Set(paths).size, 3, paths.join(', '));
  for (const path of paths) assert.ok(existsSync(join(path, 'manifest.json')), path);
  assert.equal(readdirSync(join(cwd, 'results')).length, 3, 'no partial folder left');
});

test("a later run removes a killed run's marked partial folder, and lists another host's or an unmarked one with how to remove it", () => {
  const cwd = scratchDir();
  mkdirSync(join(cwd, 'results'));
  const host = hostname().replace(/[^A-Za-z0-9_.-]/g, '_');
  // Pids that no process has: above the kernel's pid_max (at most 2^22). A random part of
  // digits only must not be read as a pid.
  const killed = join(cwd, 'results', `.tutorial-seed1-x.partial-${host}-99999999-123456`);
  const unmarked = join(cwd, 'results', `.mine.partial-${host}-99999997-abcdef`);
  const older = join(cwd, 'results', '.old.partial-99999998');
  const foreign = join(cwd, 'results', '.other.partial-elsewhere.example-123-abcdef');
  for (const dir of [killed, unmarked, older, foreign]) {
    mkdirSync(dir);
    writeFileSync(join(dir, 'rounds.csv'), 'round\n');
  }
  for (const dir of [killed, older, foreign]) writeFileSync(join(dir, PARTIAL_MARKER), '{}\n');
  writeFileSync(join(cwd, 'results', `.file.partial-${host}-99999996-abcdef`), 'not a folder');
  const r = posSim(['run', TUTORIAL, '--no-report', '--quiet'], cwd);
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stderr, new RegExp(`removed ${killed.replace(/[.]/g, '\\.')}, left by a run that was killed \\(pid 99999999\\)`));
  assert.match(r.stderr, /removed .*\.old\.partial-99999998, left by a run that was killed/);
  assert.match(r.stderr, /\.mine\.partial-\S+ looks like a killed run's partial folder but has no \.pos-sim-partial marker, so it was left/);
  assert.match(r.stderr, /\.other\.partial-elsewhere\.example-123-abcdef was left by a run on host elsewhere\.example \(pid 123\); if it no longer runs: rm -rf '/);
  assert.ok(!existsSync(killed) && !existsSync(older));
  assert.ok(existsSync(foreign), 'a partial folder of another host is never removed');
  assert.ok(existsSync(unmarked) && existsSync(join(cwd, 'results', `.file.partial-${host}-99999996-abcdef`)), 'only marked folders are removed');
  const [made] = readdirSync(join(cwd, 'results')).filter((n) => n.startsWith('tutorial-seed1-'));
  assert.ok(made !== undefined && !existsSync(join(cwd, 'results', made, PARTIAL_MARKER)), 'the marker does not stay in the results');
});

test('--force never replaces a folder that holds the working folder, however the path is spelt', () => {
  const root = scratchDir();
  const results = join(root, 'r2');
  const first = posSim(['run', TUTORIAL, '--out', results, '--no-report', '--quiet'], root);
  assert.equal(first.status, 0, first.stderr);
  // A folder named "..foo" inside the results: relative paths from it start with "..".
  const cwd = join(results, '..foo', 'x');
  mkdirSync(cwd, { recursive: true });
  writeFileSync(join(cwd, 'data'), 'mine');
  const r = posSim(['run', TUTORIAL, '--out', '../../../r2', '--force', '--no-report'], cwd);
  assert.equal(r.status, 2, r.stderr);
  assert.match(r.stderr, /it holds the working folder/);
  assert.ok(existsSync(join(cwd, 'data')));
  symlinkSync(results, join(root, 'alias'));
  assert.throws(() => checkReplaceable(join(root, 'alias/'), cwd), /it holds the working folder|symbolic link/);
});

test('an unusable --out is one line naming the path, exit 2: a file on the way, /proc, a name too long', () => {
  const cwd = scratchDir();
  writeFileSync(join(cwd, 'file'), 'x');
  const cases: Array<[string, RegExp]> = [
    [join(cwd, 'file', 'out'), /cannot create the results folder .*file\/out .*: a part of the path is a file, not a folder \(ENOTDIR\)/],
    ['/proc/x', /cannot create the results folder \/proc\/x .*\(ENOENT\)/],
    [join(cwd, 'x'.repeat(300)), /\(ENAMETOOLONG\)/],
  ];
  for (const [out, message] of cases) {
    const r = posSim(['run', TUTORIAL, '--out', out, '--no-report'], cwd);
    assert.equal(r.status, 2, `${out}: ${r.stderr}`);
    assert.match(r.stderr, message);
    assert.doesNotMatch(r.stderr, /\n\s+at /);
  }
  assert.deepEqual(readdirSync(cwd), ['file']);
});

test('a results folder opened and discarded leaves nothing behind, and its default name moves on when taken', () => {
  const root = scratchDir();
  const folder = new ResultsFolder(join(root, 'a', 'run'), { kind: 'next-free' });
  assert.ok(existsSync(folder.tempPath));
  folder.discard();
  assert.deepEqual(readdirSync(dirname(folder.tempPath)), []);
  mkdirSync(join(root, 'a', 'run'));
  writeFileSync(join(root, 'a', 'run', 'x'), 'taken');
  const second = new ResultsFolder(join(root, 'a', 'run'), { kind: 'next-free' });
  writeFileSync(second.file('manifest.json'), '{}');
  second.commit();
  assert.equal(second.finalPath, join(root, 'a', 'run-2'));
  assert.deepEqual(readdirSync(join(root, 'a')).sort(), ['run', 'run-2']);
});
