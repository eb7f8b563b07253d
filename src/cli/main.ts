/**
 * The `pos-sim` process: runs the command line through the safety layer (cli.ts) and
 * exits with its code. Output the reader cannot take (a full disk, a closed pipe) is
 * reported as one line on stderr, exit code 2, never as an unhandled error.
 */
import { hideBin } from 'yargs/helpers';
import { EXIT, runCli } from './cli.js';
import { stdoutUnwritable } from './messages.js';

for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (stream === process.stdout) {
      try {
        process.stderr.write(`pos-sim: ${stdoutUnwritable(error.code ?? error.message)}\n`);
      } catch {
        // stderr is gone too: the exit code says it all.
      }
    }
    process.exit(EXIT.badInput);
  });
}

process.exitCode = await runCli(hideBin(process.argv));
