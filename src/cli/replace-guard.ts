import { lstatSync, readdirSync, readFileSync, realpathSync } from 'node:fs';
import { homedir } from 'node:os';
import { isAbsolute, parse, relative, resolve, sep } from 'node:path';
import { UserError } from './user-error.js';
import { forceRefused, NOT_REPLACEABLE } from './messages.js';

/** The file by which pos-sim recognises a results folder of its own. */
export const MANIFEST_FILE = 'manifest.json';

/**
 * Refuses, with the reason, a folder that `--force` must never replace: only an empty
 * folder or one pos-sim wrote (its manifest.json names pos-sim) may go. Never the
 * working folder or one of its ancestors, the root, or the home folder, whatever they
 * hold; never a file, a symbolic link or a folder holding anything else.
 * @param path the folder as the user gave it (for messages)
 * @param cwd the working directory (resolved against it)
 */
export function checkReplaceable(path: string, cwd: string = process.cwd()): void {
  const stat = lstatSync(resolve(cwd, path));
  // Real paths: links and a case-insensitive file system cannot make one folder look like two.
  const target = realpathSync.native(resolve(cwd, path));
  const here = realpathSync.native(cwd);
  const fromTarget = relative(target, here);
  if (target === parse(target).root) throw refuse(path, NOT_REPLACEABLE.root);
  if (target === realpathOrSelf(homedir())) throw refuse(path, NOT_REPLACEABLE.home);
  if (fromTarget === '') throw refuse(path, NOT_REPLACEABLE.workingFolder);
  const outside = fromTarget === '..' || fromTarget.startsWith(`..${sep}`) || isAbsolute(fromTarget);
  if (!outside) throw refuse(path, NOT_REPLACEABLE.holdsWorkingFolder);
  if (stat.isSymbolicLink()) throw refuse(path, NOT_REPLACEABLE.symbolicLink);
  if (!stat.isDirectory()) throw refuse(path, NOT_REPLACEABLE.file);
  const entries = readdirSync(target);
  if (entries.length === 0) return;
  if (!entries.includes(MANIFEST_FILE)) throw refuse(path, NOT_REPLACEABLE.noManifest(MANIFEST_FILE));
  if (!isPosSimManifest(`${target}/${MANIFEST_FILE}`)) {
    throw refuse(path, NOT_REPLACEABLE.foreignManifest(MANIFEST_FILE));
  }
}

function realpathOrSelf(path: string): string {
  try {
    return realpathSync.native(path);
  } catch {
    return resolve(path);
  }
}

function refuse(path: string, why: string): UserError {
  return new UserError(forceRefused(path, why));
}

function isPosSimManifest(file: string): boolean {
  try {
    const manifest = JSON.parse(readFileSync(file, 'utf8')) as { tool?: { name?: unknown } } | null;
    return manifest?.tool?.name === 'pos-sim';
  } catch {
    return false;
  }
}
