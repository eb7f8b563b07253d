import { readFileSync, writeFileSync } from 'node:fs';
import { ModelRun, type ModelResult } from '../model/run.js';
import { buildSummary, type RunSummary } from '../report/summary.js';
import { validatorTable } from '../report/validator-table.js';
import { validatorsCsv } from '../report/validators-csv.js';
import type { ResolvedScenario } from '../scenario/types.js';
import { trackedSeries } from '../report/tracked-series.js';
import { createProgress } from './progress.js';
import { defaultResultsPath, ResultsFolder } from './results-folder.js';
import { RunRecorder } from './run-recorder.js';
import { readScenarioFile } from './scenario-file.js';

export interface RunOptions {
  scenarioPath: string;
  seed?: number;
  rounds?: number;
  out?: string;
  force: boolean;
  quiet: boolean;
  chain: boolean;
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
 * 3. run in slices, streaming rounds.csv (and chain.json); 4. write the tables and
 * summary; 5. rename the folder into place.
 */
export function runCommand(options: RunOptions): RunOutcome {
  const started = Date.now();
  const scenario = readScenarioFile(options.scenarioPath, { seed: options.seed, rounds: options.rounds });
  const path = options.out ?? defaultResultsPath(options.resultsRoot, scenario.name, scenario.seed, new Date(started));
  const folder = new ResultsFolder(path, options.force);
  const onSignal = () => {
    folder.discard();
    process.exit(130);
  };
  process.once('SIGINT', onSignal);
  try {
    const { result, finalConcentration } = simulateToFolder(scenario, folder, options);
    const { rows, fairness } = validatorTable(scenario, result);
    const summary = buildSummary(scenario, result, rows, fairness, finalConcentration);
    writeFileSync(folder.file('validators.csv'), validatorsCsv(rows));
    writeJson(folder.file('summary.json'), summary);
    writeJson(folder.file('manifest.json'), manifest(scenario, result, options, (Date.now() - started) / 1000));
    folder.commit();
    return { path: folder.finalPath, summary };
  } finally {
    process.off('SIGINT', onSignal);
    folder.discard();
  }
}

function simulateToFolder(scenario: ResolvedScenario, folder: ResultsFolder, options: RunOptions) {
  const recorder = new RunRecorder(scenario, trackedSeries(scenario), (name) => folder.file(name), options.chain);
  const run = new ModelRun(scenario, recorder.observer);
  recorder.attach(run.validators);
  const progress = createProgress(options.quiet, scenario.name);
  try {
    const slice = scenario.timings.lotteryUs * SLICE_LOTTERY_PERIODS;
    while (!run.advance(slice)) progress.update(run.progress, run.roundsDone);
  } finally {
    progress.stop();
  }
  const finalConcentration = recorder.close();
  return { result: run.result(), finalConcentration };
}

function manifest(scenario: ResolvedScenario, result: ModelResult, options: RunOptions, wallSeconds: number) {
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
      ...(options.chain ? ['chain.json'] : []),
    ],
    scenario,
    // The only part of any results file that differs between two runs of the same scenario and seed.
    run: { command: ['pos-sim', ...options.argv], wallSeconds, node: process.version },
  };
}

function writeJson(path: string, value: unknown): void {
  writeFileSync(path, `${JSON.stringify(value, null, 2)}\n`);
}
