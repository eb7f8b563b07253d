import { test, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, existsSync, openSync, readdirSync, readSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { repoPath, scratchDir } from './run-cli.js';

const BIN = repoPath('bin/pos-sim.js');
const WHALES = repoPath('scenarios/whales.yaml');

interface Exit {
  pid: number | undefined;
  code: number | null;
  signal: NodeJS.Signals | null;
  stderr: string;
  /** From the signal to the process's end, ms. */
  exitMs: number;
}

function start(args: readonly string[], cwd: string): { child: ChildProcess; exited: Promise<Omit<Exit, 'exitMs' | 'pid'>> } {
  const child = spawn(process.execPath, [BIN, ...args], { cwd });
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => (stderr += d));
  child.stdout?.resume();
  const exited = new Promise<Omit<Exit, 'exitMs' | 'pid'>>((resolve) => child.on('close', (code, signal) => resolve({ code, signal, stderr })));
  return { child, exited };
}

/** Waits until `ready()` holds (polling), failing after 60 s. */
async function until(ready: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (!ready()) {
    if (Date.now() > deadline) assert.fail(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** The last complete line of a text file (read from its end). */
function lastLine(file: string): string {
  const size = statSync(file).size;
  const tail = Buffer.alloc(Math.min(size, 512));
  const fd = openSync(file, 'r');
  try {
    readSync(fd, tail, 0, tail.length, size - tail.length);
  } finally {
    closeSync(fd);
  }
  const lines = tail.toString('utf8').split('\n');
  return lines.length >= 2 ? (lines[lines.length - 2] as string) : '';
}

const partials = (dir: string) => readdirSync(dir).filter((n) => n.includes('.partial-'));
const partialHas = (dir: string, file: string) => partials(dir).some((p) => existsSync(join(dir, p, file)));

async function interrupt(t: TestContext, args: readonly string[], cwd: string, readyFile: string, signal: NodeJS.Signals): Promise<Exit> {
  const { child, exited } = start(args, cwd);
  await until(() => partialHas(cwd, readyFile), `${readyFile} in the partial folder`);
  const sent = Date.now();
  child.kill(signal);
  const result = await exited;
  const exitMs = Date.now() - sent;
  t.diagnostic(`${signal} while writing ${readyFile}: exit ${result.code} after ${exitMs} ms`);
  return { ...result, exitMs, pid: child.pid };
}

test('Ctrl-C (SIGINT) mid-simulation stops within a second or so, says so, removes the partial folder, exit 130', async (t) => {
  const cwd = scratchDir();
  const r = await interrupt(t, ['run', WHALES, '--rounds', '5000000', '--out', 'out', '--yes'], cwd, 'rounds.csv', 'SIGINT');
  assert.equal(r.code, 130, r.stderr);
  assert.match(r.stderr, /pos-sim: stopped by SIGINT during the simulation \(round [\d,]+ of 5,000,000\); removed its partial folder .*\.out\.partial-[^ ]+; no results were kept\n$/);
  // Generous for a loaded machine; the usual figure is printed above (about 0.1 s).
  assert.ok(r.exitMs < 5000, `${r.exitMs} ms`);
  assert.deepEqual(readdirSync(cwd), []);
});

test('SIGTERM mid-simulation: exit 143, nothing left', async (t) => {
  const cwd = scratchDir();
  const r = await interrupt(t, ['run', WHALES, '--rounds', '5000000', '--out', 'out', '--yes', '--quiet'], cwd, 'rounds.csv', 'SIGTERM');
  assert.equal(r.code, 143, r.stderr);
  assert.match(r.stderr, /stopped by SIGTERM during the simulation/);
  assert.ok(r.exitMs < 5000, `${r.exitMs} ms`);
  assert.deepEqual(readdirSync(cwd), []);
});

test('SIGTERM while the report is drawn: exit 143, nothing left', async (t) => {
  const cwd = scratchDir();
  const r = await interrupt(t, ['run', WHALES, '--out', 'out', '--quiet'], cwd, 'charts', 'SIGTERM');
  assert.equal(r.code, 143, r.stderr);
  assert.match(r.stderr, /stopped by SIGTERM during the report; removed its partial folder/);
  assert.deepEqual(readdirSync(cwd), []);
});

test('kill -9 leaves a partial folder (nothing can run), which the next run removes and names', async (t) => {
  const cwd = scratchDir();
  const killed = await interrupt(t, ['run', WHALES, '--rounds', '5000000', '--out', 'out', '--yes', '--quiet'], cwd, 'rounds.csv', 'SIGKILL');
  assert.equal(killed.signal, 'SIGKILL');
  const [left] = partials(cwd);
  assert.ok(left !== undefined, 'a killed run leaves its partial folder');
  assert.ok(!existsSync(join(cwd, 'out')), 'never under the final name');
  const next = start(['run', repoPath('scenarios/tutorial.yaml'), '--out', 'out', '--no-report', '--quiet'], cwd);
  const r = await next.exited;
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stderr, new RegExp(`removed ${join(cwd, left).replace(/[.]/g, '\\.')}, left by a run that was killed \\(pid ${killed.pid}\\)`));
  assert.deepEqual(readdirSync(cwd), ['out']);
});

test('Ctrl-C while replications run on this thread (--workers 1): exit 130 soon, nothing left', async (t) => {
  const cwd = scratchDir();
  const { child, exited } = start(['run', WHALES, '--rounds', '200000', '--replications', '4', '--workers', '1', '--out', 'out', '--yes', '--no-report'], cwd);
  // The main run is over when rounds.csv holds its last round (a size that stops growing
  // is not enough: under load a slice can pause the writes longer than any wait); the
  // replications follow it.
  await until(() => {
    const partial = partials(cwd)[0];
    const file = partial === undefined ? '' : join(cwd, partial, 'rounds.csv');
    return file !== '' && existsSync(file) && lastLine(file).startsWith('200000,');
  }, 'the main run to end');
  // Past the tables, into the first of the replications (three of 200,000 rounds: seconds).
  await new Promise((r) => setTimeout(r, 1000));
  const sent = Date.now();
  child.kill('SIGINT');
  const r = await exited;
  t.diagnostic(`SIGINT during the replications: exit ${r.code} after ${Date.now() - sent} ms`);
  assert.equal(r.code, 130, r.stderr);
  assert.match(r.stderr, /stopped by SIGINT during the replications; removed its partial folder/);
  assert.ok(Date.now() - sent < 5000);
  assert.deepEqual(readdirSync(cwd), []);
});
