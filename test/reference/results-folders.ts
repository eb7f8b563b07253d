/**
 * Runs one differential case through `pos-sim run` with each engine and compares the
 * two results folders file by file, byte for byte. Only what is the engine's own
 * business is left out: the events each processed (summary.json's eventsProcessed,
 * manifest.json's counts.events) and the manifest's record of the command (paths,
 * wall time, the --engine option itself).
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCommand } from '../../src/cli/run-command.js';
import type { DifferentialCase } from './random-documents.js';

export type Engine = 'fast' | 'reference';

/** Writes the case's results folder with `engine` under `dir`; returns its path. */
export async function runCase(c: DifferentialCase, dir: string, engine: Engine): Promise<string> {
  mkdirSync(dir, { recursive: true });
  const scenarioPath = join(dir, `${c.document['name'] as string}.yaml`);
  writeFileSync(scenarioPath, `${JSON.stringify(c.document, null, 2)}\n`);
  const out = join(dir, engine);
  await runCommand({
    scenarioPath,
    out,
    force: true,
    quiet: true,
    chain: c.chain,
    report: false,
    ...(c.sampleEvery !== undefined ? { sampleEvery: c.sampleEvery } : {}),
    engine,
    argv: ['run', scenarioPath],
    resultsRoot: dir,
  });
  return out;
}

/** The files of two results folders that differ (or are in one only), after leaving out what is the engine's own. */
export function differingFiles(fastDir: string, referenceDir: string): string[] {
  const names = [...new Set([...readdirSync(fastDir), ...readdirSync(referenceDir)])].sort();
  return names.filter((name) => {
    let a: Buffer;
    let b: Buffer;
    try {
      a = readFileSync(join(fastDir, name));
      b = readFileSync(join(referenceDir, name));
    } catch {
      return true;
    }
    if (name === 'manifest.json' || name === 'summary.json') return comparable(name, a) !== comparable(name, b);
    return !a.equals(b);
  });
}

function comparable(name: string, bytes: Buffer): string {
  const json = JSON.parse(bytes.toString('utf8')) as Record<string, unknown>;
  if (name === 'summary.json') json['eventsProcessed'] = null;
  else {
    json['run'] = null;
    (json['counts'] as Record<string, unknown>)['events'] = null;
  }
  return JSON.stringify(json, null, 2);
}

/** How a case came out: both folders identical, some files differ, or a run failed (with both engines alike or not). */
export type CaseOutcome =
  | { readonly kind: 'identical' }
  | { readonly kind: 'differs'; readonly files: readonly string[] }
  | { readonly kind: 'failed'; readonly fast: string | null; readonly reference: string | null };

/** Runs a case with both engines and compares their folders. */
export async function compareCase(c: DifferentialCase, dir: string): Promise<CaseOutcome> {
  const run = async (engine: Engine) => {
    try {
      return { path: await runCase(c, dir, engine), error: null };
    } catch (error) {
      return { path: null, error: error instanceof Error ? error.message : String(error) };
    }
  };
  const fast = await run('fast');
  const reference = await run('reference');
  if (fast.path === null || reference.path === null) return { kind: 'failed', fast: fast.error, reference: reference.error };
  const files = differingFiles(fast.path, reference.path);
  return files.length === 0 ? { kind: 'identical' } : { kind: 'differs', files };
}
