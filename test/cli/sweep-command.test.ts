/**
 * `pos-sim sweep` and `pos-sim merge`, run as a user runs them: the same folder, byte
 * for byte, on 1 or 2 workers, in 3 shards merged in any order, and resumed after a
 * kill -9; a cell's numbers independent of the order of axes and of the other cells.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { parse } from 'csv-parse/sync';
import { repoPath, runCli, scratchDir } from './run-cli.js';

const SMALL = repoPath('test/fixtures/scenarios/sweep-small.yaml');

/** Every file under `dir`, relative path -> content. */
function folderFiles(dir: string, prefix = ''): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  for (const name of readdirSync(join(dir, prefix)).sort()) {
    const path = join(prefix, name);
    if (statSync(join(dir, path)).isDirectory()) for (const [p, b] of folderFiles(dir, path)) files.set(p, b);
    else files.set(path, readFileSync(join(dir, path)));
  }
  return files;
}

function assertSameFolder(actual: string, expected: string): void {
  const a = folderFiles(actual);
  const e = folderFiles(expected);
  assert.deepEqual([...a.keys()], [...e.keys()]);
  for (const [path, bytes] of e) assert.ok(bytes.equals(a.get(path) as Buffer), `${path} differs`);
}

function sweep(args: string[]): string {
  const r = runCli(['sweep', ...args, '--quiet']);
  assert.equal(r.status, 0, r.stderr);
  return r.stdout;
}

test('the folder holds cells, replications, charts, a report and a manifest of every cell', () => {
  const out = join(scratchDir(), 'sweep');
  assert.equal(sweep([SMALL, '--out', out]).trim(), `results: ${out}`);
  const files = [...folderFiles(out).keys()];
  for (const f of ['cells.csv', 'replications.csv', 'manifest.json', 'report.html', 'charts/sweep-field-1.svg', 'charts/sweep-field-2.png', 'charts/sweep-heatmap-1.vl.json']) {
    assert.ok(files.includes(f), `${f} missing from ${files.join(', ')}`);
  }
  const cells = parse(readFileSync(join(out, 'cells.csv')), { columns: true }) as Record<string, string>[];
  assert.equal(cells.length, 4);
  assert.ok(cells.every((c) => c['replications'] === '6'));
  const replications = parse(readFileSync(join(out, 'replications.csv')), { columns: true }) as Record<string, string>[];
  assert.equal(replications.length, 4 * 6 * 2, 'every cell x replication x tracked group');
  const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')) as { cells: { seed: number; scenario: { seed: number } }[]; files: string[] };
  assert.equal(manifest.cells.length, 4);
  assert.ok(manifest.cells.every((c) => c.scenario.seed === c.seed));
  assert.deepEqual([...manifest.files].sort(), files.filter((f) => !f.startsWith('.')).sort());
});

test('1 or 2 workers, and 3 shards merged in any order, give the same bytes', () => {
  const dir = scratchDir();
  sweep([SMALL, '--out', join(dir, 'one'), '--workers', '1']);
  sweep([SMALL, '--out', join(dir, 'two'), '--workers', '2']);
  assertSameFolder(join(dir, 'two'), join(dir, 'one'));
  for (const i of [0, 1, 2]) sweep([SMALL, '--out', join(dir, `shard${i}`), '--shard', `${i}/3`]);
  const merged = runCli(['merge', join(dir, 'merged'), join(dir, 'shard2'), join(dir, 'shard0'), join(dir, 'shard1')]);
  assert.equal(merged.status, 0, merged.stderr);
  assertSameFolder(join(dir, 'merged'), join(dir, 'one'));
});

test('merge refuses a missing shard, a shard given twice, and a shard of another sweep', () => {
  const dir = scratchDir();
  for (const i of [0, 1]) sweep([SMALL, '--out', join(dir, `s${i}`), '--shard', `${i}/2`]);
  const missing = runCli(['merge', join(dir, 'm1'), join(dir, 's0')]);
  assert.equal(missing.status, 2);
  assert.match(missing.stderr, /shard 1 of 2 missing/);
  const twice = runCli(['merge', join(dir, 'm2'), join(dir, 's0'), join(dir, 's0')]);
  assert.match(twice.stderr, /shard 0 of 2 is given twice/);
  const other = join(dir, 'other.yaml');
  writeFileSync(other, readFileSync(SMALL, 'utf8').replace('seed: 7', 'seed: 8'));
  sweep([other, '--out', join(dir, 'o1'), '--shard', '1/2']);
  const foreign = runCli(['merge', join(dir, 'm3'), join(dir, 's0'), join(dir, 'o1')]);
  assert.equal(foreign.status, 2);
  assert.match(foreign.stderr, /is a shard of another sweep/);
  assert.ok(!existsSync(join(dir, 'm1')) && !existsSync(join(dir, 'm3')));
});

/** cells.csv rows by cell values, without the cell's position. */
function rowsByValues(folder: string, fields: string[]): Map<string, string> {
  const rows = parse(readFileSync(join(folder, 'cells.csv')), { columns: true }) as Record<string, string>[];
  return new Map(
    rows.map((r) => {
      const { cell: _position, ...rest } = r;
      return [fields.map((f) => `${f}=${r[f]}`).join(','), JSON.stringify(Object.entries(rest).sort())];
    }),
  );
}

test("a cell's numbers do not depend on the order of axes and values, nor on the other cells", () => {
  const dir = scratchDir();
  const text = readFileSync(SMALL, 'utf8');
  const reordered = join(dir, 'reordered.yaml');
  writeFileSync(reordered, text.replace('    rewards.constant: [5, 50]\n    validators.whale.count: [1, 3]\n', '    validators.whale.count: [3, 1]\n    rewards.constant: [50, 5]\n'));
  const widened = join(dir, 'widened.yaml');
  writeFileSync(widened, text.replace('rewards.constant: [5, 50]', 'rewards.constant: [5, 20, 50]'));
  for (const [file, out] of [[SMALL, 'a'], [reordered, 'b'], [widened, 'c']] as const) sweep([file, '--out', join(dir, out)]);
  const fields = ['rewards.constant', 'validators.whale.count'];
  const original = rowsByValues(join(dir, 'a'), fields);
  assert.deepEqual(rowsByValues(join(dir, 'b'), fields), original);
  const wide = rowsByValues(join(dir, 'c'), fields);
  assert.equal(wide.size, 6);
  for (const [cell, row] of original) assert.equal(wide.get(cell), row, cell);
});

test('run refuses a sweep file; validate checks every cell', () => {
  const run = runCli(['run', SMALL, '--out', join(scratchDir(), 'x')]);
  assert.equal(run.status, 2);
  assert.match(run.stderr, /sweep-small\.yaml:\d+:1 sweep: this file is a sweep: run it with `pos-sim sweep FILE`/);
  const validate = runCli(['validate', SMALL]);
  assert.equal(validate.status, 0, validate.stderr);
  assert.match(validate.stdout, /ok \(a sweep of 4 cells x 6 replications, every cell checked\)/);
});

test('killed with SIGKILL mid-sweep, --resume finishes it with the same bytes as a run straight through', async () => {
  const dir = scratchDir();
  const file = join(dir, 'long.yaml');
  // Long enough that the kill lands mid-sweep: 2 cells x 24 replications of 1,500 rounds.
  writeFileSync(file, readFileSync(SMALL, 'utf8').replace('rounds: 200', 'rounds: 1500').replace('replications: 6', 'replications: 24').replace('validators.whale.count: [1, 3]', 'validators.whale.count: [1]'));
  const out = join(dir, 'resumed');
  const child = spawn(process.execPath, [repoPath('bin/pos-sim.js'), 'sweep', file, '--out', out, '--workers', '1', '--quiet'], { cwd: dir, stdio: 'ignore' });
  const chunksDir = () => {
    const work = readdirSync(dir).find((n) => n.endsWith('.work'));
    return work === undefined ? null : join(dir, work, 'chunks');
  };
  const deadline = Date.now() + 120_000;
  for (;;) {
    const chunks = chunksDir();
    if (chunks !== null && existsSync(chunks) && readdirSync(chunks).filter((f) => f.endsWith('.json')).length >= 2) break;
    assert.ok(Date.now() < deadline, 'the sweep saved no chunk within 2 minutes');
    assert.equal(child.exitCode, null, 'the sweep ended before it could be killed');
    await new Promise((r) => setTimeout(r, 50));
  }
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGKILL');
  await exited;
  const saved = readdirSync(chunksDir() as string).filter((f) => f.endsWith('.json')).length;
  assert.ok(saved >= 2 && saved < 12, `${saved} of 12 chunks were saved when killed`);
  assert.ok(!existsSync(out), 'no results folder after a kill');

  const again = runCli(['sweep', file, '--out', out, '--quiet']);
  assert.equal(again.status, 2);
  assert.match(again.stderr, /an interrupted run of this sweep left its finished chunks in .*: add --resume to finish it/);
  const resumed = runCli(['sweep', file, '--out', out, '--resume']);
  assert.equal(resumed.status, 0, resumed.stderr);
  assert.match(resumed.stderr, new RegExp(`resuming: ${saved} of 12 chunks were finished before`));
  assert.equal(chunksDir(), null, 'the work folder is removed once the results are in place');
  sweep([file, '--out', join(dir, 'straight')]);
  assertSameFolder(out, join(dir, 'straight'));
});

test("replication k of a cell is replication k of pos-sim run on the cell's scenario from the manifest", () => {
  const dir = scratchDir();
  sweep([SMALL, '--out', join(dir, 'sweep')]);
  const manifest = JSON.parse(readFileSync(join(dir, 'sweep', 'manifest.json'), 'utf8')) as { cells: { cell: number; scenario: unknown }[] };
  const cell = manifest.cells[3] as { cell: number; scenario: unknown };
  const file = join(dir, 'cell.yaml');
  writeFileSync(file, JSON.stringify(cell.scenario)); // JSON is YAML
  const run = runCli(['run', file, '--replications', '6', '--workers', '1', '--no-report', '--quiet', '--out', join(dir, 'run')]);
  assert.equal(run.status, 0, run.stderr);
  const columns = ['replication', 'seed', 'rounds', 'tracked', 'final_stake_share', 'wins', 'stake_gini', 'pit_p'];
  const pick = (rows: Record<string, string>[]) => rows.filter((r) => r['tracked']?.startsWith('group:')).map((r) => columns.map((c) => r[c]).join(','));
  const fromSweep = (parse(readFileSync(join(dir, 'sweep', 'replications.csv')), { columns: true }) as Record<string, string>[]).filter((r) => r['cell'] === '3');
  const fromRun = parse(readFileSync(join(dir, 'run', 'replications.csv')), { columns: true }) as Record<string, string>[];
  assert.equal(pick(fromSweep).length, 12);
  assert.deepEqual(pick(fromSweep), pick(fromRun));
});

test('Ctrl-C mid-sweep exits 130, keeps the finished chunks for --resume and leaves no results folder', async () => {
  const dir = scratchDir();
  const file = join(dir, 'long.yaml');
  writeFileSync(file, readFileSync(SMALL, 'utf8').replace('rounds: 200', 'rounds: 1500').replace('replications: 6', 'replications: 24').replace('validators.whale.count: [1, 3]', 'validators.whale.count: [1]'));
  const out = join(dir, 'stopped');
  const child = spawn(process.execPath, [repoPath('bin/pos-sim.js'), 'sweep', file, '--out', out, '--workers', '2'], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (text: string) => (stderr += text));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const deadline = Date.now() + 120_000;
  for (;;) {
    const work = readdirSync(dir).find((n) => n.endsWith('.work'));
    if (work !== undefined && existsSync(join(dir, work, 'chunks')) && readdirSync(join(dir, work, 'chunks')).some((f) => f.endsWith('.json'))) break;
    assert.ok(Date.now() < deadline, 'the sweep saved no chunk within 2 minutes');
    await new Promise((r) => setTimeout(r, 50));
  }
  child.kill('SIGINT');
  assert.equal(await exited, 130, stderr);
  assert.match(stderr, /stopped by SIGINT during the replications; \d+ of 12 chunks are saved in .*\.work; run the same command with --resume to finish/);
  assert.ok(!existsSync(out));
  assert.ok(readdirSync(dir).some((n) => n.endsWith('.work')), 'the work folder is kept');
});
