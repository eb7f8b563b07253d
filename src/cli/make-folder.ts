import { existsSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * Creates `dir` and any missing parents, one level at a time. Node's own
 * `mkdirSync(dir, { recursive: true })` never returns on some special file systems
 * (under /proc it loops on ENOENT); one level at a time, each refusal is an error.
 */
export function makeFolder(dir: string): void {
  const missing: string[] = [];
  for (let at = dir; !existsSync(at); at = dirname(at)) {
    missing.push(at);
    if (dirname(at) === at) break;
  }
  for (const folder of missing.reverse()) mkdirSync(folder);
}
