/**
 * Runs pos-sim's command line in this process (as the fuzz suite does thousands of
 * times), capturing what it prints, and checks the safety contract on each run:
 * exit code 0 or 2, no stack trace, nothing written, changed or deleted outside the
 * places it may write.
 */
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { runCli } from '../../../src/cli/cli.js';

export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * Runs one command line with `cwd` as the working folder, its text captured (through
 * runCli's output sink: the test runner's own stdout is never touched).
 */
export async function runInProcess(argv: readonly string[], cwd: string): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const before = process.cwd();
  process.chdir(cwd);
  try {
    const code = await runCli(argv, { stdout: (text) => (stdout += text), stderr: (text) => (stderr += text) });
    return { code, stdout, stderr };
  } finally {
    process.chdir(before);
  }
}

/**
 * A folder for one case: `work/` (the working folder, holding a file that must
 * survive), `keep/` (a folder of someone else's files) and the scenario file.
 */
export class Sandbox {
  readonly root = mkdtempSync(join(tmpdir(), 'pos-sim-fuzz-'));
  readonly work = join(this.root, 'work');
  readonly scenario = join(this.root, 'scenario.yaml');

  constructor(scenarioText: string) {
    mkdirSync(this.work);
    mkdirSync(join(this.root, 'keep'));
    writeFileSync(join(this.work, 'notes.txt'), 'mine');
    writeFileSync(join(this.root, 'keep', 'data.csv'), 'a,b\n');
    writeFileSync(this.scenario, scenarioText);
  }

  /** Every file and folder with its size and mtime, relative to the root. */
  snapshot(): Map<string, string> {
    const files = new Map<string, string>();
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const path = join(dir, name);
        const stat = statSync(path);
        // A folder's own mtime changes when anything is made in it: only files are compared.
        files.set(relative(this.root, path), stat.isDirectory() ? 'folder' : `${stat.size}:${stat.mtimeMs}`);
        if (stat.isDirectory()) walk(path);
      }
    };
    walk(this.root);
    return files;
  }

  remove(): void {
    rmSync(this.root, { recursive: true, force: true });
  }
}

/** What a run broke of the contract (empty: nothing). */
export function contractBreaches(run: CliRun, before: Map<string, string>, after: Map<string, string>, mayWrite: readonly string[], root: string): string[] {
  const breaches: string[] = [];
  if (run.code !== 0 && run.code !== 2) breaches.push(`exit code ${run.code}`);
  if (/internal error|^\s+at .+:\d+:\d+\)?$/m.test(run.stderr)) breaches.push(`stack trace or internal error: ${run.stderr.slice(0, 600)}`);
  if (run.code === 2 && run.stderr.trim() === '') breaches.push('exit code 2 without a message');
  const allowed = (path: string) => {
    const full = resolve(root, path);
    return mayWrite.some((w) => full === w || full.startsWith(`${w}/`));
  };
  for (const [path, state] of after) if (before.get(path) !== state && !allowed(path)) breaches.push(`wrote ${path}`);
  for (const path of before.keys()) if (!after.has(path) && !allowed(path)) breaches.push(`deleted ${path}`);
  return breaches;
}
