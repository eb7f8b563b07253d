import { readFileSync } from 'node:fs';
import { loadScenario } from '../scenario/load.js';
import type { ResolvedScenario } from '../scenario/types.js';
import { UserError } from './results-folder.js';

/** Reads and resolves a scenario file; a missing or unreadable file is the user's error. */
export function readScenarioFile(path: string, overrides: { seed?: number; rounds?: number } = {}): ResolvedScenario {
  return readScenarioSource(path, overrides).scenario;
}

/** The resolved scenario and the text it came from. */
export function readScenarioSource(
  path: string,
  overrides: { seed?: number; rounds?: number } = {},
): { scenario: ResolvedScenario; text: string } {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a folder' : String(error);
    throw new UserError(`cannot read scenario ${path}: ${why}`);
  }
  return { scenario: loadScenario(path, text, overrides), text };
}
