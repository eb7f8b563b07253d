import yargs from 'yargs';
import { hideBin } from 'yargs/helpers';
import { formatProblem, ScenarioError } from '../scenario/load.js';
import { summaryText } from '../report/summary-text.js';
import { UserError } from './results-folder.js';
import { defaultWorkers } from './replication-pool.js';
import { reportCommand } from './report-cli.js';
import { runCommand } from './run-command.js';
import { readScenarioFile } from './scenario-file.js';

/** Exit codes: 0 done, 1 a failure inside pos-sim, 2 bad input or options. */
const EXIT_BAD_INPUT = 2;
/** Each replication keeps an outcome row per tracked series; a million is far beyond any use and still fits in memory. */
const MAX_REPLICATIONS = 1_000_000;

function fail(error: unknown): never {
  if (error instanceof ScenarioError) {
    for (const p of error.problems) process.stderr.write(`${formatProblem(p)}\n`);
    process.stderr.write(`pos-sim: ${error.problems.length} problem(s) in the scenario; nothing was run\n`);
    process.exit(EXIT_BAD_INPUT);
  }
  if (error instanceof UserError) {
    process.stderr.write(`pos-sim: ${error.message}\n`);
    process.exit(EXIT_BAD_INPUT);
  }
  process.stderr.write(`pos-sim: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
}

const argv = hideBin(process.argv);

await yargs(argv)
  .scriptName('pos-sim')
  .usage('$0 <command> [options]\n\nReplays a toy proof-of-stake server on a virtual clock and tests whether wins follow stake.')
  .command(
    'run <scenario>',
    'simulate a scenario and write a results folder (CSV, JSON, charts, report.html)',
    (y) =>
      y
        .positional('scenario', { type: 'string', demandOption: true, describe: 'scenario YAML file' })
        .option('seed', { type: 'number', describe: "override the scenario's seed" })
        .option('rounds', { type: 'number', describe: "override the scenario's number of rounds" })
        .option('out', { type: 'string', describe: 'results folder (default: a new folder under results/)' })
        .option('force', { type: 'boolean', default: false, describe: 'replace --out if it exists' })
        .option('sample-every', { type: 'number', describe: "sample concentration and tracked shares every N rounds (overrides the scenario's sampleEvery)" })
        .option('report', { type: 'boolean', default: true, describe: 'draw charts/ and report.html (--no-report to skip)' })
        .option('chain', { type: 'boolean', default: false, describe: 'also write chain.json as the seed would send it' })
        .option('quiet', { type: 'boolean', default: false, describe: 'no progress bar, no summary; print only the results path' })
        .option('engine', { choices: ['fast', 'reference'] as const, default: 'fast' as const, describe: 'fast model, or the slow event-by-event reference server (same files, for checking)' })
        .option('replications', { type: 'number', default: 1, describe: 'independent replications (seeds derived from the run seed)' })
        .option('workers', { type: 'number', default: defaultWorkers(), describe: 'threads that run replications, the main one included (it joins after the main run)' }),
    async (args) => {
      try {
        if (!Number.isInteger(args.replications) || args.replications < 1 || args.replications > MAX_REPLICATIONS) {
          throw new UserError(`--replications must be an integer from 1 to ${MAX_REPLICATIONS.toLocaleString('en-US')}, got ${args.replications}`);
        }
        if (!Number.isInteger(args.workers) || args.workers < 1) throw new UserError(`--workers must be an integer >= 1, got ${args.workers}`);
        if (args.seed !== undefined && !(Number.isInteger(args.seed) && args.seed >= 0 && args.seed <= 4294967295)) {
          throw new UserError(`--seed must be an integer from 0 to 4294967295, got ${args.seed}`);
        }
        if (args.rounds !== undefined && !(Number.isSafeInteger(args.rounds) && args.rounds >= 1)) {
          throw new UserError(`--rounds must be an integer >= 1, got ${args.rounds}`);
        }
        if (args.sampleEvery !== undefined && !(Number.isSafeInteger(args.sampleEvery) && args.sampleEvery >= 1)) {
          throw new UserError(`--sample-every must be an integer >= 1, got ${args.sampleEvery}`);
        }
        const outcome = await runCommand({
          scenarioPath: args.scenario,
          seed: args.seed,
          rounds: args.rounds,
          out: args.out,
          force: args.force,
          quiet: args.quiet,
          chain: args.chain,
          report: args.report,
          sampleEvery: args.sampleEvery,
          replications: args.replications,
          workers: args.workers,
          engine: args.engine,
          argv,
          resultsRoot: 'results',
        });
        if (!args.quiet) process.stdout.write(`${summaryText(outcome.summary)}\n`);
        process.stdout.write(`results: ${outcome.path}\n`);
      } catch (error) {
        fail(error);
      }
    },
  )
  .command(
    'validate <scenario..>',
    'check scenario files and list every problem with file:line:column',
    (y) => y.positional('scenario', { type: 'string', array: true, demandOption: true }),
    (args) => {
      let bad = 0;
      for (const file of args.scenario) {
        try {
          const s = readScenarioFile(file);
          process.stdout.write(`${file}: ok (${s.validators.length} validators, rules ${s.rules}, lottery ${s.lottery})\n`);
        } catch (error) {
          bad++;
          if (error instanceof ScenarioError) for (const p of error.problems) process.stderr.write(`${formatProblem(p)}\n`);
          else if (error instanceof UserError) process.stderr.write(`pos-sim: ${error.message}\n`);
          else fail(error);
        }
      }
      if (bad > 0) process.exit(EXIT_BAD_INPUT);
    },
  )
  .command(reportCommand)
  .demandCommand(1, 'name a command: run, validate or report')
  .strict()
  .fail((message, error) => {
    if (error) fail(error);
    process.stderr.write(`pos-sim: ${message}\nrun pos-sim --help for usage\n`);
    process.exit(EXIT_BAD_INPUT);
  })
  .help()
  .parseAsync();
