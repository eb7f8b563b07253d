import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { ModelRun, type ModelResult } from '../model/run.js';
import { buildSummary, type RunSummary } from '../report/summary.js';
import { validatorTable } from '../report/validator-table.js';
import { validatorsCsvChunks } from '../report/validators-csv.js';
import type { ResolvedScenario } from '../scenario/types.js';
import { aggregateReplications } from '../replications/aggregate.js';
import { replicationsCsv } from '../report/replications-csv.js';
import { trackedSeries, type TrackedSeries } from '../report/tracked-series.js';
import { runReplications } from './replication-pool.js';
import { BufferedFile } from './buffered-file.js';
import { createProgress } from './progress.js';
import { defaultResultsPath, ResultsFolder } from './results-folder.js';
import { RunRecorder } from './run-recorder.js';
import { readScenarioSource } from './scenario-file.js';

export interface RunOptions {
  scenarioPath: string;
  seed?: number;
  rounds?: number;
  out?: string;
  force: boolean;
  quiet: boolean;
  chain: boolean;
  /** Replaces the scenario's `sampleEvery`. */
  sampleEvery?: number;
  /** Draw charts/ and report.html (default true). */
  report?: boolean;
  /** Independent replications (default 1: just the run). */
  replications?: number;
  /** Worker threads for replications (default 1). */
  workers?: number;
  /** The command line, for the manifest. */
  argv: readonly string[];
  resultsRoot: string;
}

export interface RunOutcome {
  path: string;
  summary: RunSummary;
}

/** How much virtual time one slice of the run covers: progress is updated between slices. */
const SLICE_LOTTERY_PERIODS = 200;

/**
 * `pos-sim run`: scenario -> simulation -> results folder.
 * 1. read and resolve the scenario; 2. open the temporary results folder;
 * 3. run in slices, streaming the per-round and per-period files; 4. with
 * --replications, run replications 0..N-1 on worker threads; 5. write the tables,
 * summary and manifest; 6. draw the charts and report.html; 7. rename the folder into
 * place.
 */
export async function runCommand(options: RunOptions): Promise<RunOutcome> {
  const started = Date.now();
  const source = readScenarioSource(options.scenarioPath, { seed: options.seed, rounds: options.rounds });
  const text = source.text;
  const scenario: ResolvedScenario =
    options.sampleEvery === undefined ? source.scenario : { ...source.scenario, sampleEvery: options.sampleEvery };
  const path = options.out ?? defaultResultsPath(options.resultsRoot, scenario.name, scenario.seed, new Date(started));
  const folder = new ResultsFolder(path, options.force);
  const onSignal = () => {
    folder.discard();
    process.exit(130);
  };
  process.once('SIGINT', onSignal);
  try {
    const tracked = trackedSeries(scenario);
    const { result, finalConcentration } = simulateToFolder(scenario, tracked, folder, options);
    const { rows, fairness } = validatorTable(scenario, result);
    const summary: RunSummary = buildSummary(scenario, result, rows, fairness, finalConcentration);
    const replications = options.replications ?? 1;
    if (replications > 1) {
      const outcomes = await replicate(scenario, tracked, replications, options.workers ?? 1, options.quiet);
      writeFileSync(folder.file('replications.csv'), replicationsCsv(outcomes));
      summary.replications = aggregateReplications(scenario, outcomes);
    }
    const validatorsFile = new BufferedFile(folder.file('validators.csv'));
    for (const chunk of validatorsCsvChunks(rows)) validatorsFile.write(chunk);
    validatorsFile.close();
    writeJson(folder.file('summary.json'), summary);
    // The report reads the manifest, so write it first, then again with the chart files listed.
    const writeManifest = (extraFiles: string[]) =>
      writeJson(folder.file('manifest.json'), manifest(scenario, text, result, options, extraFiles, (Date.now() - started) / 1000));
    writeManifest([]);
    if (options.report ?? true) {
      // Loaded here, not at start-up: the rendering libraries are large.
      const { writeReport } = await import('./report-command.js');
      writeManifest(await writeReport(folder.tempPath, { quiet: options.quiet }));
    }
    folder.commit();
    return { path: folder.finalPath, summary };
  } finally {
    process.off('SIGINT', onSignal);
    folder.discard();
  }
}

async function replicate(
  scenario: ResolvedScenario,
  tracked: readonly TrackedSeries[],
  count: number,
  workers: number,
  quiet: boolean,
) {
  const progress = createProgress(quiet, `${scenario.name} replications`, 'replications');
  try {
    return await runReplications(scenario, tracked, count, workers, (done) =>
      progress.update(done / count, done),
    );
  } finally {
    progress.stop();
  }
}

function simulateToFolder(
  scenario: ResolvedScenario,
  tracked: readonly TrackedSeries[],
  folder: ResultsFolder,
  options: RunOptions,
) {
  const recorder = new RunRecorder(scenario, tracked, (name) => folder.file(name), options.chain);
  const run = new ModelRun(scenario, recorder.observer);
  recorder.attach(run.validators);
  const progress = createProgress(options.quiet, scenario.name, 'rounds');
  try {
    const slice = scenario.timings.lotteryUs * SLICE_LOTTERY_PERIODS;
    while (!run.advance(slice)) progress.update(run.progress, run.roundsDone);
  } finally {
    progress.stop();
  }
  const finalConcentration = recorder.close();
  return { result: run.result(), finalConcentration };
}

/**
 * manifest.json. The resolved scenario is given without its per-validator list (50 MB
 * at 100,000 validators); the source text and the seed reproduce it exactly, and its
 * digest identifies it.
 */
function manifest(
  scenario: ResolvedScenario,
  source: string,
  result: ModelResult,
  options: RunOptions,
  reportFiles: string[],
  wallSeconds: number,
) {
  const { validators, ...settings } = scenario;
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
  return {
    tool: { name: 'pos-sim', version: pkg.version },
    seed: scenario.seed,
    model: { rules: scenario.rules, lottery: scenario.lottery, timings: scenario.timings },
    counts: {
      validators: scenario.validators.length,
      rounds: result.counters.rounds,
      events: result.eventsProcessed,
      endTimeUs: result.endUs,
      stopReason: result.stopReason,
    },
    files: [
      'manifest.json',
      'summary.json',
      'rounds.csv',
      'validators.csv',
      'timeseries.csv',
      'shares.csv',
      'quirks.csv',
      ...((options.replications ?? 1) > 1 ? ['replications.csv'] : []),
      ...(options.chain ? ['chain.json'] : []),
      ...reportFiles,
    ],
    scenario: {
      ...settings,
      validatorCount: validators.length,
      groups: groupCounts(validators),
      digest: createHash('sha256').update(JSON.stringify(scenario)).digest('hex'),
    },
    scenarioSource: source,
    // The only part of any results file that differs between two runs of the same scenario and seed.
    replications: options.replications ?? 1,
    run: { command: ['pos-sim', ...options.argv], wallSeconds, node: process.version, workers: options.workers },
  };
}

function groupCounts(validators: ResolvedScenario['validators']): Array<{ group: string; validators: number }> {
  const counts = new Map<string, number>();
  for (const v of validators) counts.set(v.group, (counts.get(v.group) ?? 0) + 1);
  return [...counts].map(([group, n]) => ({ group, validators: n }));
}

function writeJson(path: string, value: unknown): void {
  writeFileSync(path, `${JSON.stringify(value, null, 2)}\n`);
}
