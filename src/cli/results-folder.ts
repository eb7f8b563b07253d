import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';

/**
 * A results folder written atomically: everything goes to a hidden temporary folder
 * beside the target, renamed into place only when complete, so a folder under its final
 * name is always whole. An existing target is never replaced unless `force` is given.
 */
export class ResultsFolder {
  readonly finalPath: string;
  readonly tempPath: string;
  private committed = false;

  constructor(finalPath: string, private readonly force: boolean) {
    this.finalPath = resolve(finalPath);
    if (existsSync(this.finalPath) && !force) {
      throw new UserError(`results folder ${finalPath} already exists: choose another --out, or add --force to replace it`);
    }
    this.tempPath = join(dirname(this.finalPath), `.${basename(this.finalPath)}.partial-${process.pid}`);
    mkdirSync(this.tempPath, { recursive: true });
  }

  /** Path of a file inside the (temporary) folder. */
  file(name: string): string {
    return join(this.tempPath, name);
  }

  /** Moves the finished folder into place (replacing the old one only now, with --force). */
  commit(): void {
    if (existsSync(this.finalPath)) {
      if (!this.force) throw new UserError(`results folder ${this.finalPath} appeared while running; left ${this.tempPath}`);
      rmSync(this.finalPath, { recursive: true, force: true });
    }
    renameSync(this.tempPath, this.finalPath);
    this.committed = true;
  }

  /** Removes the temporary folder of a run that did not finish. */
  discard(): void {
    if (!this.committed) rmSync(this.tempPath, { recursive: true, force: true });
  }
}

/**
 * The default folder for a run: `results/<scenario>-seed<seed>-<date>-<time>`, with a
 * numeric suffix if that exists, so that repeating a command never collides.
 */
export function defaultResultsPath(root: string, scenarioName: string, seed: number, now: Date): string {
  const stamp = now.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
  const base = join(root, `${scenarioName}-seed${seed}-${stamp}`);
  let path = base;
  for (let k = 2; existsSync(path); k++) path = `${base}-${k}`;
  return path;
}

/** An error caused by the user's input or options: reported without a stack, exit code 2. */
export class UserError extends Error {}
