import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const REPO = new URL('../../', import.meta.url).pathname;

export interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the real `pos-sim` executable, as a user would, from the repository root. */
export function runCli(args: readonly string[]): CliResult {
  const r = spawnSync(process.execPath, [join(REPO, 'bin/pos-sim.js'), ...args], { cwd: REPO, encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

const scratchDirs: string[] = [];
// Removed when the test file's process ends (each test file runs in a process of its own).
process.on('exit', () => {
  for (const dir of scratchDirs) rmSync(dir, { recursive: true, force: true });
});

/** A fresh empty folder for one test's output, removed when the test file is done. */
export function scratchDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'pos-sim-test-'));
  scratchDirs.push(dir);
  return dir;
}

export const repoPath = (...parts: string[]): string => join(REPO, ...parts);
