import { existsSync, lstatSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { partialNotRemoved, partialOfOtherHost, partialRemoved, partialWithoutMarker } from './messages.js';

/**
 * The hidden folders a run writes before it renames its results into place:
 * `.<name>.partial-<host>-<pid>-<6 hex>`, holding a marker file while it is partial.
 * The host and pid say whose it is, so that a later run can tell a killed run's
 * leftovers from a live run's work; the random part keeps two runs of one process (or
 * one pid on two hosts sharing a folder) apart. The folder an update with --force moves
 * aside (`<partial>.replaced`) is swept the same way.
 */
const PARTIAL = /^\.(.+)\.partial-(?:(.+)-(\d+)-[0-9a-f]{6}|(\d+))(\.replaced)?$/;

/** In every partial folder pos-sim made (removed before the rename): only folders holding it are ever swept. */
export const PARTIAL_MARKER = '.pos-sim-partial';

export function partialFolderName(finalName: string): string {
  return `.${finalName}.partial-${hostLabel()}-${process.pid}-${randomBytes(3).toString('hex')}`;
}

/** Marks a new partial folder as pos-sim's (with who made it, for a person reading it). */
export function markPartial(folder: string): void {
  writeFileSync(join(folder, PARTIAL_MARKER), `${JSON.stringify({ host: hostname(), pid: process.pid })}\n`);
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
    return [{ path: join(dir, name), host: match[2] ?? hostLabel(), pid: Number(match[3] ?? match[4]) }];
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

/** A real folder (not a link or a file) that pos-sim marked as its partial folder. */
function isMarkedFolder(path: string): boolean {
  try {
    return lstatSync(path).isDirectory() && existsSync(join(path, PARTIAL_MARKER));
  } catch {
    return false;
  }
}

/**
 * Removes the partial folders in `dir` left by runs of this host that were killed
 * (their process is gone, and the folder holds pos-sim's marker), and tells of each;
 * those of other hosts, which it cannot judge, and unmarked ones it only lists, with
 * the command that removes them.
 */
export function sweepStalePartials(dir: string, tell: (line: string) => void): void {
  for (const partial of partialFoldersIn(dir)) {
    if (partial.host !== hostLabel()) {
      tell(partialOfOtherHost(partial.path, partial.host, partial.pid));
    } else if (partial.pid !== process.pid && !processAlive(partial.pid)) {
      if (!isMarkedFolder(partial.path)) {
        tell(partialWithoutMarker(partial.path, PARTIAL_MARKER));
        continue;
      }
      try {
        rmSync(partial.path, { recursive: true, force: true });
        tell(partialRemoved(partial.path, partial.pid));
      } catch {
        tell(partialNotRemoved(partial.path, partial.pid));
      }
    }
  }
}
