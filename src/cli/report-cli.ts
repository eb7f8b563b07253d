import { join } from 'node:path';
import type { ArgumentsCamelCase, Argv, CommandModule } from 'yargs';
import { out } from './output.js';

interface ReportArgs {
  dir: string;
  quiet: boolean;
}

/**
 * `pos-sim report DIR`: rebuilds the charts and report.html of an existing results
 * folder, without simulating. The rendering code (vega, vega-lite, resvg) is loaded only
 * when a report is made, so other commands start fast.
 */
export const reportCommand: CommandModule<object, ReportArgs> = {
  command: 'report <dir>',
  describe: 'rebuild the charts and report.html of a results folder from its files',
  builder: (y: Argv<object>) =>
    y
      .positional('dir', { type: 'string', demandOption: true, describe: 'results folder written by pos-sim run' })
      .option('quiet', { type: 'boolean', default: false, describe: 'print only the path of report.html' }),
  handler: async (args: ArgumentsCamelCase<ReportArgs>) => {
    const { buildReport } = await import('./report-command.js');
    const outcome = await buildReport(args.dir, { quiet: args.quiet });
    if (!args.quiet) {
      out(`charts: ${outcome.charts.join(', ') || 'none'}\n`);
      for (const reason of outcome.skipped) out(`not drawn: ${reason}\n`);
    }
    out(`report: ${join(args.dir, 'report.html')}\n`);
  },
};
