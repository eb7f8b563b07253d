import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeReport } from '../../src/cli/report-command.js';
import { repoPath, runCli, scratchDir, type CliResult } from './run-cli.js';

const FIXTURES = repoPath('test/fixtures/results');

/** A writable copy of a results fixture. */
function fixtureCopy(name: string): string {
  const dir = join(scratchDir(), name);
  cpSync(join(FIXTURES, name), dir, { recursive: true });
  return dir;
}

/** Every file under `dir`, relative to it. */
const listing = (dir: string): string[] =>
  readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => statSync(join(dir, f)).isFile())
    .sort();

/**
 * Runs the report command module under yargs exactly as main.ts registers a
 * command (same fail handling and exit codes), in a child process.
 */
function runReportModule(args: readonly string[]): CliResult {
  const harness = join(scratchDir(), 'report-cli.mts');
  writeFileSync(
    harness,
    `import { runCli } from ${JSON.stringify(repoPath('src/cli/cli.ts'))};
process.exitCode = await runCli(process.argv.slice(2));
`,
  );
  const r = spawnSync(process.execPath, ['--import', 'tsx', harness, ...args], { cwd: repoPath(), encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

test('writeReport writes a spec, an SVG and a PNG per chart and report.html, and lists exactly those', async () => {
  const dir = fixtureCopy('seed-rewards');
  const before = listing(dir);
  const files = await writeReport(dir, { quiet: true });
  const ids = ['win-rate', 'running-share', 'share-history', 'concentration', 'seed-quirks'];
  assert.deepEqual(files, [...ids.flatMap((id) => [`charts/${id}.vl.json`, `charts/${id}.svg`, `charts/${id}.png`]), 'report.html']);
  assert.deepEqual(listing(dir), [...before, ...files].sort());
  const html = readFileSync(join(dir, 'report.html'), 'utf8');
  assert.equal((html.match(/<figure><svg /g) ?? []).length, ids.length);
  for (const id of ids) {
    assert.ok(html.includes(readFileSync(join(dir, `charts/${id}.svg`), 'utf8')), `${id}.svg is inlined as written`);
    assert.equal(JSON.parse(readFileSync(join(dir, `charts/${id}.vl.json`), 'utf8')).$schema, 'https://vega.github.io/schema/vega-lite/v6.json');
  }
});

test('rebuilding from the same files gives the same bytes', async () => {
  const a = fixtureCopy('replications');
  const b = fixtureCopy('replications');
  const files = await writeReport(a, { quiet: true });
  assert.deepEqual(await writeReport(b, { quiet: true }), files);
  for (const f of files) assert.ok(readFileSync(join(a, f)).equals(readFileSync(join(b, f))), `${f} differs`);
  await writeReport(a, { quiet: true });
  for (const f of files) assert.ok(readFileSync(join(a, f)).equals(readFileSync(join(b, f))), `${f} differs after a rebuild`);
});

test('a rebuild removes the files of a chart whose input is gone', async () => {
  const dir = fixtureCopy('seed-rewards');
  await writeReport(dir, { quiet: true });
  assert.ok(existsSync(join(dir, 'charts/seed-quirks.svg')));
  rmSync(join(dir, 'quirks.csv'));
  const files = await writeReport(dir, { quiet: true });
  assert.ok(!files.some((f) => f.includes('seed-quirks')));
  for (const ext of ['vl.json', 'svg', 'png']) assert.ok(!existsSync(join(dir, `charts/seed-quirks.${ext}`)), ext);
  assert.doesNotMatch(readFileSync(join(dir, 'report.html'), 'utf8'), /id="seed-quirks"/);
});

test('pos-sim report DIR rebuilds an older results folder and prints what it drew', () => {
  const dir = fixtureCopy('churn-v0');
  const r = runReportModule(['report', dir]);
  assert.equal(r.status, 0, r.stderr);
  assert.equal(r.stderr, '');
  assert.match(r.stdout, /^charts: win-rate, running-share\n/);
  assert.match(r.stdout, /not drawn: replications: no replications.csv/);
  assert.match(r.stdout, new RegExp(`report: ${dir}/report.html\\n$`));
  assert.ok(existsSync(join(dir, 'report.html')));
  const quiet = runReportModule(['report', dir, '--quiet']);
  assert.equal(quiet.stdout, `report: ${dir}/report.html\n`);
});

test('pos-sim report on something that is not a results folder exits 2 and writes nothing', () => {
  const empty = scratchDir();
  const r = runReportModule(['report', empty]);
  assert.equal(r.status, 2);
  assert.match(r.stderr, /is not a results folder: it has no summary.json/);
  assert.deepEqual(readdirSync(empty), []);
  const missing = runReportModule(['report', join(empty, 'nope')]);
  assert.equal(missing.status, 2);
  assert.match(missing.stderr, /no results folder at .*nope/);
});

test('pos-sim report works through the real executable', () => {
  assert.match(runCli(['--help']).stdout, /pos-sim report <dir>/);
  const dir = fixtureCopy('replications');
  const r = runCli(['report', dir, '--quiet']);
  assert.equal(r.status, 0, r.stderr);
  assert.equal(r.stdout, `report: ${dir}/report.html\n`);
  assert.ok(existsSync(join(dir, 'charts/replications.png')));
});
