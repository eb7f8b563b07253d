import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { hasSweep, loadScenario, loadSweep, type LoadedSweep } from '../scenario/load.js';
import type { ResolvedScenario } from '../scenario/types.js';
import { UserError } from './user-error.js';
import { scenarioLargerThan, scenarioTooLarge, scenarioUnreadable } from './messages.js';

/**
 * The largest scenario file read: a scenario describes validators by groups and
 * distributions, so real ones are a few kB (a `values:` list for 100,000 validators is
 * under 1 MB). The YAML parser keeps a node of several hundred bytes per value (a
 * 1 MB flow list of 500,000 stakes peaks at about 0.85 GB while loading), so this
 * also bounds the loader's memory.
 */
export const MAX_SCENARIO_BYTES = 1024 * 1024;

/** Reads and resolves a scenario file; a missing or unreadable file is the user's error. */
export function readScenarioFile(path: string, overrides: { seed?: number; rounds?: number } = {}): ResolvedScenario {
  return readScenarioSource(path, overrides).scenario;
}

/** The resolved scenario and the text it came from. */
export function readScenarioSource(
  path: string,
  overrides: { seed?: number; rounds?: number } = {},
): { scenario: ResolvedScenario; text: string } {
  const text = readScenarioText(path);
  try {
    return { scenario: loadScenario(path, text, overrides), text };
  } catch (error) {
    // loadScenario refuses out-of-range overrides with a RangeError; here they are the user's.
    if (error instanceof RangeError && error.message.startsWith('loadScenario:')) {
      throw new UserError(error.message.slice('loadScenario: '.length));
    }
    throw error;
  }
}

/** A sweep file, every cell checked, and the text it came from. */
export function readSweepSource(path: string): { sweep: LoadedSweep; text: string } {
  const text = readScenarioText(path);
  return { sweep: loadSweep(path, text), text };
}

/** A scenario or a sweep file, checked as what it is (what `pos-sim validate` reads). */
export function readAnyScenarioFile(path: string): { scenario: ResolvedScenario } | { sweep: LoadedSweep } {
  const text = readScenarioText(path);
  return hasSweep(text) ? { sweep: loadSweep(path, text) } : { scenario: loadScenario(path, text) };
}

function readScenarioText(path: string): string {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (error) {
    throw new UserError(scenarioUnreadable(path, whyUnreadable(error)));
  }
  try {
    const stat = fstatSync(fd);
    if (stat.isDirectory()) throw new UserError(scenarioUnreadable(path, 'it is a folder'));
    if (stat.size > MAX_SCENARIO_BYTES) {
      throw new UserError(scenarioTooLarge(path, stat.size / 1048576, MAX_SCENARIO_BYTES / 1048576));
    }
    return readAtMost(fd, path);
  } catch (error) {
    if (error instanceof UserError) throw error;
    throw new UserError(scenarioUnreadable(path, whyUnreadable(error)));
  } finally {
    closeSync(fd);
  }
}

/** The file's text, read up to the limit: a pipe or device (/dev/zero) reports no size. */
function readAtMost(fd: number, path: string): string {
  const buffer = Buffer.alloc(Math.min(MAX_SCENARIO_BYTES + 1, 64 * 1024));
  const chunks: Buffer[] = [];
  let total = 0;
  for (let n = readSync(fd, buffer); n > 0; n = readSync(fd, buffer)) {
    chunks.push(Buffer.from(buffer.subarray(0, n)));
    total += n;
    if (total > MAX_SCENARIO_BYTES) throw new UserError(scenarioLargerThan(path, MAX_SCENARIO_BYTES / 1048576));
  }
  return Buffer.concat(chunks).toString('utf8');
}

function whyUnreadable(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EISDIR') return 'it is a folder';
  if (code === 'EACCES') return 'permission denied';
  return error instanceof Error ? error.message : String(error);
}
