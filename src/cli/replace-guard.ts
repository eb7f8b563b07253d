import { lstatSync, readdirSync, readFileSync, realpathSync } from 'node:fs';
import { homedir } from 'node:os';
import { isAbsolute, parse, relative, resolve, sep } from 'node:path';
import { UserError } from './user-error.js';

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
  const shown = JSON.stringify(path);
  const stat = lstatSync(resolve(cwd, path));
  // Real paths: links and a case-insensitive file system cannot make one folder look like two.
  const target = realpathSync.native(resolve(cwd, path));
  const here = realpathSync.native(cwd);
  const fromTarget = relative(target, here);
  if (target === parse(target).root) throw refuse(shown, 'it is the root of the file system');
  if (target === realpathOrSelf(homedir())) throw refuse(shown, 'it is your home folder');
  if (fromTarget === '') throw refuse(shown, 'it is the working folder');
  const outside = fromTarget === '..' || fromTarget.startsWith(`..${sep}`) || isAbsolute(fromTarget);
  if (!outside) throw refuse(shown, 'it holds the working folder');
  if (stat.isSymbolicLink()) throw refuse(shown, 'it is a symbolic link');
  if (!stat.isDirectory()) throw refuse(shown, 'it is a file, not a results folder');
  const entries = readdirSync(target);
  if (entries.length === 0) return;
  if (!entries.includes(MANIFEST_FILE)) throw refuse(shown, `it holds files and no ${MANIFEST_FILE}: pos-sim did not write it`);
  if (!isPosSimManifest(`${target}/${MANIFEST_FILE}`)) {
    throw refuse(shown, `its ${MANIFEST_FILE} is not one pos-sim wrote`);
  }
}

function realpathOrSelf(path: string): string {
  try {
    return realpathSync.native(path);
  } catch {
    return resolve(path);
  }
}

function refuse(shown: string, why: string): UserError {
  return new UserError(
    `--force will not replace ${shown}: ${why}; --force only replaces an empty folder or a results folder pos-sim wrote`,
  );
}

function isPosSimManifest(file: string): boolean {
  try {
    const manifest = JSON.parse(readFileSync(file, 'utf8')) as { tool?: { name?: unknown } } | null;
    return manifest?.tool?.name === 'pos-sim';
  } catch {
    return false;
  }
}
