/**
 * The safety layer every command goes through: arguments parsed strictly, every error
 * turned into one line on stderr and an exit code, never a stack trace for what the
 * user or the environment got wrong.
 *
 *   argv -> yargs (strict, no process exit) -> command handler -> exit code
 *                                                   |  throws
 *                                                   v
 *                                   exitCodeOf(error): message on stderr
 *
 * Exit codes: 0 done; 2 bad input, options or environment (a file or folder that
 * cannot be read or written, a full disk), one line naming the file, field or path;
 * 1 an internal error of pos-sim (with its stack, to report); 130 / 143 stopped by
 * Ctrl-C / SIGTERM (see interruption.ts).
 */
import { availableParallelism } from 'node:os';
import yargs from 'yargs';
import { formatProblem, ScenarioError } from '../scenario/load.js';
import { summaryText } from '../report/summary-text.js';
import { integerOption, textOption } from './integer-option.js';
import { auditCommand } from './audit-command.js';
import { reportCommand } from './report-cli.js';
import { describedScenarioSchema } from '../scenario/schema-descriptions.js';
import { runCommand } from './run-command.js';
import { shardOf } from './shard-option.js';
import { sweepCommand } from './sweep-command.js';
import { mergeCommand } from './sweep-shards.js';
import { readAnyScenarioFile } from './scenario-file.js';
import { systemErrorCode } from './system-error.js';
import { UserError } from './user-error.js';
import { err, out, withOutput, type Output } from './output.js';
import { internalError, NAME_A_COMMAND, scenarioProblems, usageHint, workersCapped } from './messages.js';

export const EXIT = { ok: 0, internal: 1, badInput: 2 } as const;

/** Each replication keeps an outcome row per tracked series; a million is far beyond any use and still fits in memory. */
const MAX_REPLICATIONS = 1_000_000;
const MAX_SEED = 4294967295;

/**
 * Runs one command line (without `node` and the script) and returns its exit code.
 * @param output where its text goes (default: this process's stdout and stderr)
 */
export function runCli(argv: readonly string[], output?: Output): Promise<number> {
  return withOutput(output, () => parseAndRun(argv));
}

async function parseAndRun(argv: readonly string[]): Promise<number> {
  let exitCode: number = EXIT.ok;
  const handle =
    <A>(command: (args: A) => Promise<number | void> | number | void) =>
    async (args: A): Promise<void> => {
      try {
        exitCode = (await command(args)) ?? EXIT.ok;
      } catch (error) {
        exitCode = reportError(error);
      }
    };
  try {
    await yargs([...argv])
      .scriptName('pos-sim')
      .usage('$0 <command> [options]\n\nReplays a toy proof-of-stake server on a virtual clock and tests whether wins follow stake.')
      .command(
        'run <scenario>',
        'simulate a scenario and write a results folder (CSV, JSON, charts, report.html)',
        (y) =>
          y
            .positional('scenario', { type: 'string', demandOption: true, describe: 'scenario YAML file' })
            .option('seed', { type: 'string', describe: "override the scenario's seed (0 to 4294967295)" })
            .option('rounds', { type: 'string', describe: "override the scenario's number of rounds" })
            .option('out', { type: 'string', describe: 'results folder (default: a new folder under results/)' })
            .option('force', { type: 'boolean', default: false, describe: '--out may replace an empty folder or a results folder pos-sim wrote' })
            .option('sample-every', { type: 'string', describe: "sample concentration and tracked shares every N rounds (overrides the scenario's sampleEvery)" })
            .option('report', { type: 'boolean', default: true, describe: 'draw charts/ and report.html (--no-report to skip)' })
            .option('chain', { type: 'boolean', default: false, describe: 'also write chain.json as the seed would send it' })
            .option('quiet', { type: 'boolean', default: false, describe: 'no progress bar, no summary, no notes; print only the results path' })
            .option('yes', { type: 'boolean', default: false, describe: 'run even when the outputs will be huge or may not fit the disk' })
            .option('engine', { choices: ['fast', 'reference'] as const, default: 'fast' as const, describe: 'fast model, or the slow event-by-event reference server (same files, for checking)' })
            .option('replications', { type: 'string', describe: 'independent replications (seeds derived from the run seed); default 1' })
            .option('workers', { type: 'string', describe: 'threads that run replications, the main one included; default and most: the core count' }),
        handle((args: RunArgs) => runHandler(args, argv)),
      )
      .command(
        'validate <scenario..>',
        'check scenario files and list every problem with file:line:column',
        (y) => y.positional('scenario', { type: 'string', array: true, demandOption: true }),
        handle((args: { scenario: string[] }) => validateFiles(args.scenario)),
      )
      .command(
        'sweep <scenario>',
        'run every cell x replication of a scenario with a sweep: block, on every core; resumable; shardable over a cluster',
        (y) =>
          y
            .positional('scenario', { type: 'string', demandOption: true, describe: 'scenario YAML file with a sweep: block' })
            .option('out', { type: 'string', describe: 'results folder (default: a new folder under results/); with a shard, the shard folder' })
            .option('force', { type: 'boolean', default: false, describe: '--out may replace an empty folder or a results folder pos-sim wrote' })
            .option('workers', { type: 'string', describe: 'threads, the main one included; default and most: the core count' })
            .option('shard', { type: 'string', describe: 'run shard I of N (I/N, 0-based) into a shard folder for pos-sim merge; default from SLURM_ARRAY_TASK_ID or JOB_COMPLETION_INDEX' })
            .option('shard-count', { type: 'string', describe: 'the shard count with JOB_COMPLETION_INDEX (Kubernetes Indexed Jobs), else POS_SIM_SHARD_COUNT' })
            .option('resume', { type: 'boolean', default: false, describe: 'finish a sweep a kill interrupted, keeping its finished chunks' })
            .option('quiet', { type: 'boolean', default: false, describe: 'no progress bar, no notes; print only the results path' }),
        handle((args: SweepArgs) => sweepHandler(args)),
      )
      .command(
        'merge <out> <shards..>',
        'merge the shard folders of one sweep into its results folder (the same bytes as an unsharded run)',
        (y) =>
          y
            .positional('out', { type: 'string', demandOption: true, describe: 'the results folder to write' })
            .positional('shards', { type: 'string', array: true, demandOption: true, describe: 'every shard folder of the sweep' })
            .option('force', { type: 'boolean', default: false, describe: 'OUT may replace an empty folder or a results folder pos-sim wrote' })
            .option('quiet', { type: 'boolean', default: false, describe: 'print only the results path' }),
        handle((args: MergeArgs) => mergeHandler(args)),
      )
      .command({ ...reportCommand, handler: handle(reportCommand.handler) })
      .command(
        'schema',
        'print the scenario format as JSON Schema (draft-07, with descriptions): the schema validate checks',
        (y) => y,
        handle(() => {
          out(`${JSON.stringify(describedScenarioSchema(), null, 2)}\n`);
        }),
      )
      .command({ ...auditCommand, handler: handle(auditCommand.handler) })
      .demandCommand(1, NAME_A_COMMAND)
      .strict()
      .exitProcess(false)
      .fail((message, error) => {
        throw error ?? new UserError(usageHint(message));
      })
      .help()
      // With a callback yargs prints nothing itself (help, version): the text comes here.
      .parseAsync([...argv], {}, (_error, _argv, text) => {
        if (text !== '') out(`${text}\n`);
      });
  } catch (error) {
    return reportError(error);
  }
  return exitCode;
}

interface RunArgs {
  scenario: string;
  seed?: unknown;
  rounds?: unknown;
  out?: unknown;
  force: boolean;
  sampleEvery?: unknown;
  report: boolean;
  chain: boolean;
  quiet: boolean;
  yes: boolean;
  engine: 'fast' | 'reference';
  replications?: unknown;
  workers?: unknown;
}

/** --workers, at most the core count (more threads than cores only adds switching). */
function workersOption(value: unknown, quiet: boolean): number {
  const cores = availableParallelism();
  const workers = integerOption('workers', value, 1, Number.MAX_SAFE_INTEGER) ?? cores;
  if (workers <= cores) return workers;
  if (!quiet) err(`pos-sim: ${workersCapped(workers, cores)}\n`);
  return cores;
}

interface SweepArgs {
  scenario: string;
  out?: unknown;
  force: boolean;
  workers?: unknown;
  shard?: unknown;
  shardCount?: unknown;
  resume: boolean;
  quiet: boolean;
}

async function sweepHandler(args: SweepArgs): Promise<number> {
  const outcome = await sweepCommand({
    scenarioPath: args.scenario,
    out: textOption('out', args.out),
    force: args.force,
    quiet: args.quiet,
    workers: workersOption(args.workers, args.quiet),
    shard: shardOf(textOption('shard', args.shard), integerOption('shard-count', args.shardCount, 1, 1e9), process.env),
    resume: args.resume,
    resultsRoot: 'results',
  });
  if (!args.quiet) {
    const resumed = outcome.chunksResumed > 0 ? `, ${outcome.chunksResumed} finished before` : '';
    out(`${outcome.cells} cells: ${outcome.chunksRun} chunks run${resumed}, in ${outcome.seconds.toFixed(1)} s\n`);
  }
  out(`results: ${outcome.path}\n`);
  return EXIT.ok;
}

interface MergeArgs {
  out: string;
  shards: string[];
  force: boolean;
  quiet: boolean;
}

async function mergeHandler(args: MergeArgs): Promise<number> {
  const outcome = await mergeCommand({ out: args.out, shards: args.shards, force: args.force, quiet: args.quiet });
  if (!args.quiet) out(`merged ${outcome.shards} shards: ${outcome.cells} cells\n`);
  out(`results: ${outcome.path}\n`);
  return EXIT.ok;
}

async function runHandler(args: RunArgs, argv: readonly string[]): Promise<number> {
  const replications = integerOption('replications', args.replications, 1, MAX_REPLICATIONS) ?? 1;
  const workers = workersOption(args.workers, args.quiet);
  const outcome = await runCommand({
    scenarioPath: args.scenario,
    seed: integerOption('seed', args.seed, 0, MAX_SEED),
    rounds: integerOption('rounds', args.rounds, 1, Number.MAX_SAFE_INTEGER),
    out: textOption('out', args.out),
    force: args.force,
    quiet: args.quiet,
    yes: args.yes,
    chain: args.chain,
    report: args.report,
    sampleEvery: integerOption('sample-every', args.sampleEvery, 1, Number.MAX_SAFE_INTEGER),
    replications,
    workers,
    engine: args.engine,
    argv,
    resultsRoot: 'results',
  });
  if (!args.quiet) out(`${summaryText(outcome.summary)}\n`);
  out(`results: ${outcome.path}\n`);
  return EXIT.ok;
}

/** Checks every file, whatever happens to one of them; 2 if any is bad, 1 if any failed inside pos-sim. */
function validateFiles(files: readonly string[]): number {
  let worst: number = EXIT.ok;
  for (const file of files) {
    try {
      const read = readAnyScenarioFile(file);
      if ('sweep' in read) {
        const { plan } = read.sweep;
        out(`${file}: ok (a sweep of ${plan.cells.length} cells x ${plan.replications} replications, every cell checked)\n`);
      } else {
        const s = read.scenario;
        out(`${file}: ok (${s.validators.length} validators, rules ${s.rules}, lottery ${s.lottery})\n`);
      }
    } catch (error) {
      // validate lists the problems alone: the summary line of run ("nothing was run") does not apply.
      const code = error instanceof ScenarioError ? printProblems(error) : reportError(error, file);
      worst = code === EXIT.internal || worst === EXIT.internal ? EXIT.internal : EXIT.badInput;
    }
  }
  return worst;
}

function printProblems(error: ScenarioError): number {
  for (const p of error.problems) err(`${formatProblem(p)}\n`);
  return EXIT.badInput;
}

/**
 * Writes what went wrong to stderr and returns the exit code: the user's and the
 * environment's errors as one line, pos-sim's own with their stack.
 * @param file the file being worked on, named in an internal error's message
 */
export function reportError(error: unknown, file?: string): number {
  if (error instanceof ScenarioError) {
    printProblems(error);
    err(`pos-sim: ${scenarioProblems(error.problems.length)}\n`);
    return EXIT.badInput;
  }
  if (error instanceof UserError) {
    err(`pos-sim: ${error.message}\n`);
    return EXIT.badInput;
  }
  if (systemErrorCode(error) !== undefined) {
    err(`pos-sim: ${(error as Error).message}\n`);
    return EXIT.badInput;
  }
  err(`pos-sim: ${internalError(file, error instanceof Error ? (error.stack ?? error.message) : String(error))}\n`);
  return EXIT.internal;
}
