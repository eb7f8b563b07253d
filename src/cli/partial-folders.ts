import { readdirSync, rmSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';

/**
 * Names of the hidden folders a run writes before it renames its results into
 * place: `.<name>.partial-<host>-<pid>-<6 hex>`. The host and pid say whose it is, so
 * that a later run can tell a killed run's leftovers from a live run's work; the
 * random part keeps two runs of one process (or one pid on two hosts sharing a
 * folder) apart.
 */
const PARTIAL = /^\.(.+)\.partial-(?:(.+)-)?(\d+)(?:-[0-9a-f]{6})?$/;

export function partialFolderName(finalName: string): string {
  return `.${finalName}.partial-${hostLabel()}-${process.pid}-${randomBytes(3).toString('hex')}`;
}

/** The host as it may appear in a file name. */
function hostLabel(): string {
  return hostname().replace(/[^A-Za-z0-9_.-]/g, '_') || 'host';
}

export interface PartialFolder {
  readonly path: string;
  readonly host: string;
  readonly pid: number;
}

/** Partial folders in `dir` (none if it cannot be read); older ones, named `.<name>.partial-<pid>`, count as this host's. */
export function partialFoldersIn(dir: string): PartialFolder[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  return names.flatMap((name) => {
    const match = PARTIAL.exec(name);
    if (match === null) return [];
    return [{ path: join(dir, name), host: match[2] ?? hostLabel(), pid: Number(match[3]) }];
  });
}

/** Whether a process of this host is alive (or cannot be told: then it is taken as alive). */
function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code !== 'ESRCH';
  }
}

/**
 * Removes the partial folders in `dir` left by runs of this host that were killed
 * (their process is gone), and tells of each, as of those of other hosts, which it
 * cannot judge, with the command that removes them.
 */
export function sweepStalePartials(dir: string, tell: (line: string) => void): void {
  for (const partial of partialFoldersIn(dir)) {
    if (partial.host !== hostLabel()) {
      tell(`${partial.path} was left by a run on host ${partial.host} (pid ${partial.pid}); if it no longer runs: rm -rf '${partial.path}'`);
    } else if (partial.pid !== process.pid && !processAlive(partial.pid)) {
      try {
        rmSync(partial.path, { recursive: true, force: true });
        tell(`removed ${partial.path}, left by a run that was killed (pid ${partial.pid})`);
      } catch {
        tell(`could not remove ${partial.path}, left by a killed run (pid ${partial.pid}): rm -rf '${partial.path}'`);
      }
    }
  }
}
