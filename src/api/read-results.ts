import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { resultsOf, type RunResults } from './results.js';

/**
 * Reads a results folder that `pos-sim run` wrote into the same {@link RunResults}
 * that runScenario returns.
 * @param options.rounds also read rounds.csv (default false: it has a row per round)
 * @throws Error when the folder is missing or is not a results folder (no summary.json)
 * @example (await readResults('results/whales-seed42-20261124-031500')).validators[0].winRate
 */
export async function readResults(folder: string, options: { rounds?: boolean } = {}): Promise<RunResults> {
  if (!existsSync(folder) || !statSync(folder).isDirectory()) throw new Error(`readResults: no results folder at ${folder}`);
  if (!existsSync(join(folder, 'summary.json'))) throw new Error(`readResults: ${folder} is not a results folder: it has no summary.json`);
  const text = (name: string) => {
    const path = join(folder, name);
    return existsSync(path) ? readFileSync(path, 'utf8') : null;
  };
  return resultsOf(text, { rounds: options.rounds ?? false });
}
