import { replicationOutcome, runReplicationInSlices, type ReplicationOutcome } from '../replications/run-replication.js';
import { trackedSeries } from '../scenario/tracked-series.js';
import { MemoryFolder } from '../run/memory-text.js';
import { simulateRun, tabulateRun, writeRunTables } from '../run/run-core.js';
import { resultsOf, type RunResults } from './results.js';
import { loadScenario, withOverrides, type Scenario, type ScenarioOverrides } from './scenario.js';

/** How to run: overrides of the scenario, and what to run and keep. */
export interface RunScenarioOptions extends ScenarioOverrides {
  /** Independent replications (seeds derived from the run seed, as `pos-sim run --replications`); default 1. */
  readonly replications?: number;
  /** Keep rounds.csv as {@link RunResults.rounds} (some 60 bytes a round); default false. */
  readonly keepRounds?: boolean;
  /** `reference`: the slow, event-by-event reference server (one replication); default `fast`. */
  readonly engine?: 'fast' | 'reference';
  /** Called as the run goes: fraction done (0..1) and rounds drawn so far. */
  readonly onProgress?: (fraction: number, roundsDone: number) => void;
}

/**
 * Runs a scenario in this process and returns its results, without writing a file:
 * the same run, tables and summary as `pos-sim run` (which runs through the same
 * steps, run/run-core.ts, into a folder), so {@link readResults} of that folder gives
 * equal results. Replications run one after the other in this thread (the CLI spreads
 * them over worker threads; each depends only on the scenario and its number).
 * @param scenario a scenario file's path, or a {@link Scenario} from loadScenario
 * @throws ScenarioError for an invalid scenario (or one made invalid by `set`)
 * @example (await runScenario('scenarios/whales.yaml', { seed: 7, rounds: 500 })).summary.fairness.verdict
 */
export async function runScenario(scenario: string | Scenario, options: RunScenarioOptions = {}): Promise<RunResults> {
  const loaded = typeof scenario === 'string' ? loadScenario(scenario, options) : withOverrides(scenario, options);
  const resolved = loaded.resolved;
  const replications = options.replications ?? 1;
  if (!(Number.isInteger(replications) && replications >= 1)) throw new RangeError(`runScenario: replications must be an integer >= 1, got ${replications}`);
  if (options.engine === 'reference' && replications > 1) throw new RangeError('runScenario: the reference engine runs one replication');
  const tracked = trackedSeries(resolved);
  const folder = new MemoryFolder(options.keepRounds ? new Set(['chain.json']) : new Set(['rounds.csv', 'chain.json']));
  const { result, finalConcentration } = await simulateRun(resolved, tracked, folder.open, {
    chain: false,
    engine: options.engine,
    between: (run) => options.onProgress?.(run.progress, run.roundsDone),
  });
  const tabulated = tabulateRun(resolved, result, finalConcentration);
  const outcomes: ReplicationOutcome[] = [];
  if (replications > 1) {
    outcomes.push(replicationOutcome(0, resolved.seed, result, tracked));
    for (let k = 1; k < replications; k++) outcomes.push(await runReplicationInSlices(resolved, k, tracked, async () => undefined));
  }
  writeRunTables(folder.open, resolved, tabulated, outcomes);
  return resultsOf((name) => folder.text(name), { rounds: options.keepRounds ?? false });
}
