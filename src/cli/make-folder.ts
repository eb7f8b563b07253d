import { existsSync, mkdirSync, statSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * Creates `dir` and any missing parents, one level at a time. Node's own
 * `mkdirSync(dir, { recursive: true })` never returns on some special file systems
 * (under /proc it loops on ENOENT); one level at a time, each refusal is an error,
 * except a folder that another process made meanwhile.
 */
export function makeFolder(dir: string): void {
  const missing: string[] = [];
  for (let at = dir; !existsSync(at); at = dirname(at)) {
    missing.push(at);
    if (dirname(at) === at) break;
  }
  for (const folder of missing.reverse()) {
    try {
      mkdirSync(folder);
    } catch (error) {
      // Another process (a run started in the same second) made it between the check and here.
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || !statSync(folder).isDirectory()) throw error;
    }
  }
}
