import { existsSync, mkdirSync, renameSync, rmSync, unlinkSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { makeFolder } from './make-folder.js';
import { markPartial, PARTIAL_MARKER, partialFolderName, sweepStalePartials } from './partial-folders.js';
import { checkReplaceable } from './replace-guard.js';
import { asUserError } from './system-error.js';
import { UserError } from './user-error.js';
import { cannotCreateResultsFolder, cannotMoveResults, noFreeResultsName, OUT_EMPTY, outHasNul, resultsFolderAppeared, resultsFolderExists } from './messages.js';

/** How a results folder's final name is chosen. */
export type FolderNaming =
  /** The user's `--out`: exactly this name; `force` lets it replace an empty or pos-sim folder. */
  | { readonly kind: 'exact'; readonly force: boolean }
  /** A default name: if it is taken when the run ends, the next free `-2`, `-3`, ... */
  | { readonly kind: 'next-free' };

/** More candidates than runs that could finish in the same second. */
const MAX_SUFFIX = 1000;

/**
 * A results folder written atomically: everything goes to a hidden partial folder
 * beside the target (see partial-folders.ts), renamed into place only when complete,
 * so a folder under its final name is always whole. An existing folder is replaced
 * only with --force, and only if it is empty or pos-sim's own (replace-guard.ts).
 * Opening one first removes the partial folders that killed runs left beside it.
 */
export class ResultsFolder {
  /** Where the results are, once committed (a default name may get a suffix then). */
  finalPath: string;
  readonly tempPath: string;
  private committed = false;

  /** @param tell prints a line about the folder's surroundings (stderr) */
  constructor(
    requestedPath: string,
    private readonly naming: FolderNaming,
    tell: (line: string) => void = () => undefined,
  ) {
    if (requestedPath.trim() === '') throw new UserError(OUT_EMPTY);
    if (requestedPath.includes('\0')) throw new UserError(outHasNul(requestedPath));
    this.finalPath = resolve(requestedPath);
    if (naming.kind === 'exact' && existsSync(this.finalPath)) {
      if (!naming.force) {
        throw new UserError(resultsFolderExists(requestedPath));
      }
      checkReplaceable(requestedPath);
    }
    const parent = dirname(this.finalPath);
    try {
      makeFolder(parent);
      sweepStalePartials(parent, tell);
      this.tempPath = join(parent, partialFolderName(basename(this.finalPath)));
      mkdirSync(this.tempPath);
      markPartial(this.tempPath);
    } catch (error) {
      throw asUserError(error, cannotCreateResultsFolder(requestedPath));
    }
  }

  /** Path of a file inside the (temporary) folder. */
  file(name: string): string {
    return join(this.tempPath, name);
  }

  /**
   * Moves the finished folder into place. A forced replacement is renamed aside first
   * and removed only once the new folder is in place; a default name taken meanwhile
   * (another run finishing in the same second) moves on to the next free suffix.
   */
  commit(): void {
    try {
      unlinkSync(join(this.tempPath, PARTIAL_MARKER));
      if (this.naming.kind === 'next-free') this.commitNextFree();
      else this.commitExact(this.naming.force);
    } catch (error) {
      throw asUserError(error, cannotMoveResults(this.finalPath));
    }
    this.committed = true;
  }

  private commitExact(force: boolean): void {
    if (!existsSync(this.finalPath)) {
      renameSync(this.tempPath, this.finalPath);
      return;
    }
    if (!force) {
      throw new UserError(resultsFolderAppeared(this.finalPath));
    }
    checkReplaceable(this.finalPath);
    const aside = `${this.tempPath}.replaced`;
    renameSync(this.finalPath, aside);
    try {
      renameSync(this.tempPath, this.finalPath);
    } catch (error) {
      renameSync(aside, this.finalPath); // the old results stay where they were
      throw error;
    }
    rmSync(aside, { recursive: true, force: true });
  }

  private commitNextFree(): void {
    const base = this.finalPath;
    for (let k = 1; k <= MAX_SUFFIX; k++) {
      const candidate = k === 1 ? base : `${base}-${k}`;
      try {
        // rename() fails on a folder that holds anything, so two runs never take one name.
        renameSync(this.tempPath, candidate);
        this.finalPath = candidate;
        return;
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (code !== 'ENOTEMPTY' && code !== 'EEXIST' && code !== 'ENOTDIR') throw error;
      }
    }
    throw new UserError(noFreeResultsName(MAX_SUFFIX, base));
  }

  /** Removes the temporary folder of a run that did not finish (nothing if it did). */
  discard(): void {
    if (!this.committed) rmSync(this.tempPath, { recursive: true, force: true });
  }
}

/**
 * The default folder for a run: `results/<scenario>-seed<seed>-<date>-<time>`, with a
 * numeric suffix if that exists, so that repeating a command never collides (and
 * {@link ResultsFolder.commit} moves on if another run takes it first).
 */
export function defaultResultsPath(root: string, scenarioName: string, seed: number, now: Date): string {
  const stamp = now.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
  const base = join(root, `${scenarioName}-seed${seed}-${stamp}`);
  let path = base;
  for (let k = 2; existsSync(path); k++) path = `${base}-${k}`;
  return path;
}

