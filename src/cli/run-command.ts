import { readFileSync, writeFileSync } from 'node:fs';
import type { ModelResult } from '../model/run.js';
import type { RunSummary } from '../report/summary.js';
import type { ResolvedScenario } from '../scenario/types.js';
import { scenarioErrorAt } from '../scenario/load.js';
import { replicationOutcome, type ReplicationOutcome } from '../replications/run-replication.js';
import { trackedSeries, type TrackedSeries } from '../scenario/tracked-series.js';
import { jsonText, simulateRun, tabulateRun, writeRunTables } from '../run/run-core.js';
import { startOutputHelper } from './output-helper.js';
import { scenarioDigest } from '../run/scenario-digest.js';
import type { OpenSink } from '../run/text-sink.js';
import { openReplicationPool, runReplicationsInThread, type ReplicationPool } from './replication-pool.js';
import { BufferedFile } from './buffered-file.js';
import { collectGarbage } from './collect-garbage.js';
import { onInterrupt, yieldToSignals } from './interruption.js';
import { estimateOutput, freeBytes, LARGE_OUTPUT_BYTES, sizeText } from './output-estimate.js';
import { createProgress, type ProgressReporter } from './progress.js';
import { defaultResultsPath, ResultsFolder } from './results-folder.js';
import { UserError } from './user-error.js';
import { readScenarioSource } from './scenario-file.js';
import { err } from './output.js';
import { COSTED_NEEDS_REFERENCE, largeOutputNote, outputEstimate, outputWillNotFit, REFERENCE_RUNS_ONE_REPLICATION, runDiscarded } from './messages.js';

export interface RunOptions {
  scenarioPath: string;
  seed?: number;
  rounds?: number;
  out?: string;
  force: boolean;
  quiet: boolean;
  /** Run even when the outputs will be huge or may not fit the disk. */
  yes?: boolean;
  chain: boolean;
  /** Replaces the scenario's `sampleEvery`. */
  sampleEvery?: number;
  /** Draw charts/ and report.html (default true). */
  report?: boolean;
  /** Independent replications (default 1: just the run). */
  replications?: number;
  /** Worker threads for replications (default 1). */
  workers?: number;
  /** `reference`: the slow, event-by-event reference server instead of the fast model (default `fast`). */
  engine?: 'fast' | 'reference';
  /** The command line, for the manifest. */
  argv: readonly string[];
  resultsRoot: string;
}

export interface RunOutcome {
  path: string;
  summary: RunSummary;
}

/**
 * `pos-sim run`: scenario -> simulation -> results folder. The run itself is the
 * library's (run/run-core.ts, as the API's runScenario runs it); this adds the folder,
 * the progress bar, signals, worker threads, the manifest and the report.
 * 1. read and resolve the scenario; 2. open the temporary results folder;
 * 3. run in slices, streaming the per-round and per-period files; 4. with
 * --replications, run replications 0..N-1 on worker threads; 5. write the tables,
 * summary and manifest; 6. draw the charts and report.html; 7. rename the folder into
 * place.
 */
export async function runCommand(options: RunOptions): Promise<RunOutcome> {
  const started = Date.now();
  // Replication workers start first: they load their code while this thread reads the scenario.
  const replications = new Replications(options);
  try {
    return await runWithReplications(options, replications, started);
  } finally {
    replications.cancel();
  }
}

async function runWithReplications(options: RunOptions, replications: Replications, started: number): Promise<RunOutcome> {
  if (options.engine === 'reference' && (options.replications ?? 1) > 1) {
    throw new UserError(REFERENCE_RUNS_ONE_REPLICATION);
  }
  const source = readScenarioSource(options.scenarioPath, { seed: options.seed, rounds: options.rounds });
  if (source.scenario.costed !== undefined && options.engine !== 'reference') {
    // Replications run on the fast model too, so every run but the reference engine's is refused.
    throw scenarioErrorAt(options.scenarioPath, source.text, {
      path: ['timing'],
      message: COSTED_NEEDS_REFERENCE,
      value: '"costed"',
      anchor: 'value',
    });
  }
  const text = source.text;
  const scenario: ResolvedScenario =
    options.sampleEvery === undefined ? source.scenario : { ...source.scenario, sampleEvery: options.sampleEvery };
  const tracked = trackedSeries(scenario);
  const path = options.out ?? defaultResultsPath(options.resultsRoot, scenario.name, scenario.seed, new Date(started));
  const folder = new ResultsFolder(
    path,
    options.out === undefined ? { kind: 'next-free' } : { kind: 'exact', force: options.force },
    (line) => err(`pos-sim: ${line}\n`),
  );
  let stage = 'the start';
  const stopHandling = onInterrupt({
    stage: () => stage,
    cleanUp: () => {
      replications.cancel();
      folder.discard();
      return runDiscarded(folder.tempPath);
    },
  });
  try {
    checkOutputSize(scenario, tracked.length, folder.tempPath, options);
    replications.begin(scenario, tracked);
    const open: OpenSink = (name) => new BufferedFile(folder.file(name));
    const { result, finalConcentration } = await simulateToFolder(scenario, tracked, open, options, (text) => (stage = text));
    stage = 'the tables';
    // The model's tables (some 60 MB at 100,000 validators) are garbage now, but V8
    // would find that only later: collected first, the peak is the larger of the run
    // and the tables below, not their sum. Twice: the first collection finds the typed
    // arrays dead, but their memory goes back only once V8's array-buffer sweep is done,
    // which the second completes (at a million validators the tables then start from
    // some 390 MB instead of 620).
    collectGarbage();
    collectGarbage();
    // Started before the tables, the helper has made the addresses and the digest by the time they are needed.
    const helper = startOutputHelper(scenario, result.validators, {
      onFailure: (error) => err(`pos-sim: note: the output helper thread failed (${error.message}); its work was done on the main thread, with the same result\n`),
    });
    let tabulated: ReturnType<typeof tabulateRun>;
    let digest: string;
    try {
      tabulated = tabulateRun(scenario, result, finalConcentration);
      stage = 'the replications';
      const outcomes = await replications.outcomes(result);
      stage = 'the tables';
      writeRunTables(open, scenario, tabulated, outcomes, helper?.addresses);
      digest = helper === null ? scenarioDigest(scenario) : await helper.digest();
    } finally {
      await helper?.stop();
    }
    const summary: RunSummary = tabulated.summary;
    // The report reads the manifest, so write it first, then again with the chart files listed.
    const writeManifest = (extraFiles: string[]) =>
      writeJson(folder.file('manifest.json'), manifest(scenario, digest, text, result, options, extraFiles, (Date.now() - started) / 1000));
    writeManifest([]);
    if (options.report ?? true) {
      stage = 'the report';
      // Loaded here, not at start-up: the rendering libraries are large.
      const { writeReport } = await import('./report-command.js');
      writeManifest(await writeReport(folder.tempPath, { quiet: options.quiet, validators: tabulated.table.chartValidators() }));
    }
    stage = 'the rename into place';
    folder.commit();
    return { path: folder.finalPath, summary };
  } finally {
    stopHandling();
    folder.discard();
  }
}

/**
 * Refuses a run whose outputs would not fit the disk, and tells of one that will write
 * more than a gigabyte (so a mistyped round count is noticed at once); --yes runs
 * either way, --quiet only silences the note.
 */
function checkOutputSize(scenario: ResolvedScenario, tracked: number, folderPath: string, options: RunOptions): void {
  if (options.yes) return;
  const estimate = estimateOutput(scenario, { chain: options.chain, replications: options.replications ?? 1, tracked });
  const free = freeBytes(folderPath);
  const what = outputEstimate(sizeText(estimate.bytes), estimate.parts);
  if (free !== null && estimate.bytes > free) {
    throw new UserError(outputWillNotFit(what, sizeText(free)));
  }
  if (estimate.bytes > LARGE_OUTPUT_BYTES && !options.quiet) {
    err(`pos-sim: ${largeOutputNote(what)}\n`);
  }
}


/**
 * The run's replications: 0 is the main run itself (its seed is the run seed), and
 * 1..N-1 run on `workers` - 1 worker threads, started before the scenario is read and
 * given it as soon as it is, so they use the other cores while this thread runs the
 * main run and writes its files; then this thread takes replications from the same
 * queue (see {@link ReplicationPool.work}). With one worker they all run here after
 * the main run.
 */
class Replications {
  private readonly others: number[];
  private readonly pool: ReplicationPool | null;
  private work: { scenario: ResolvedScenario; tracked: readonly TrackedSeries[] } | null = null;
  private done = 0;
  private progress: ProgressReporter | null = null;

  constructor(private readonly options: RunOptions) {
    const count = options.replications ?? 1;
    this.others = Array.from({ length: Math.max(0, count - 1) }, (_, i) => i + 1);
    const workers = options.workers ?? 1;
    const onDone = () => this.oneDone();
    this.pool = this.others.length > 0 && workers > 1 ? openReplicationPool(this.others, workers - 1, onDone) : null;
  }

  /** The scenario is read: the workers can start. */
  begin(scenario: ResolvedScenario, tracked: readonly TrackedSeries[]): void {
    this.work = { scenario, tracked };
    this.pool?.begin(scenario, tracked);
  }

  /** Every replication's outcome, replication 0 taken from the main run's result. */
  async outcomes(mainRun: ModelResult): Promise<ReplicationOutcome[]> {
    if (this.others.length === 0) return [];
    if (!this.work) throw new Error('Replications.outcomes: begin() first');
    const { scenario, tracked } = this.work;
    const first = replicationOutcome(0, scenario.seed, mainRun, tracked);
    this.progress = createProgress(this.options.quiet ?? false, `${scenario.name} replications`, 'replications');
    this.oneDone();
    try {
      await this.pool?.work();
      const rest = this.pool ? await this.pool.outcomes() : await runReplicationsInThread(scenario, tracked, this.others, () => this.oneDone());
      return [first, ...rest];
    } finally {
      this.progress.stop();
    }
  }

  /** Stops the workers if the run ended before their outcomes were taken. */
  cancel(): void {
    this.pool?.cancel();
  }

  private oneDone(): void {
    this.done++;
    const total = this.others.length + 1;
    this.progress?.update(this.done / total, this.done);
  }
}

async function simulateToFolder(
  scenario: ResolvedScenario,
  tracked: readonly TrackedSeries[],
  open: OpenSink,
  options: RunOptions,
  setStage: (stage: string) => void,
) {
  const progress = createProgress(options.quiet, scenario.name, 'rounds');
  const of = scenario.rounds === null ? '' : ` of ${scenario.rounds.toLocaleString('en-US')}`;
  const stageAt = (roundsDone: number) => setStage(`the simulation (round ${roundsDone.toLocaleString('en-US')}${of})`);
  stageAt(0);
  try {
    return await simulateRun(scenario, tracked, open, {
      chain: options.chain,
      engine: options.engine,
      between: async (run) => {
        progress.update(run.progress, run.roundsDone);
        stageAt(run.roundsDone);
        await yieldToSignals();
      },
    });
  } finally {
    progress.stop();
  }
}

/**
 * manifest.json. The resolved scenario is given without its per-validator list (50 MB
 * at 100,000 validators); the source text and the seed reproduce it exactly, and its
 * digest (scenarioDigest) identifies it.
 */
function manifest(
  scenario: ResolvedScenario,
  digest: string,
  source: string,
  result: ModelResult,
  options: RunOptions,
  reportFiles: string[],
  wallSeconds: number,
) {
  // The description is in the source text, stored once (a long one would be stored twice).
  const { validators, description: _inSource, ...settings } = scenario;
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
      digest,
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
  writeFileSync(path, jsonText(value));
}
