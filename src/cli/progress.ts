import cliProgress from 'cli-progress';

/** What the run loop tells about its progress. */
export interface ProgressReporter {
  /** @param done how many `unit`s are done so far */
  update(fraction: number, done: number): void;
  stop(): void;
}

/**
 * A progress bar on stderr when it is a terminal and the user did not ask for quiet;
 * otherwise nothing, so logs and pipes stay clean.
 */
export function createProgress(quiet: boolean, label: string, unit: string): ProgressReporter {
  if (quiet || !process.stderr.isTTY) return { update: () => undefined, stop: () => undefined };
  const bar = new cliProgress.SingleBar(
    {
      stream: process.stderr,
      format: `${label} [{bar}] {percentage}% | {done} ${unit} | {eta_formatted} left`,
      hideCursor: true,
      clearOnComplete: true,
    },
    cliProgress.Presets.shades_classic,
  );
  bar.start(1000, 0, { done: 0 });
  return {
    update: (fraction, done) => bar.update(Math.round(fraction * 1000), { done }),
    stop: () => bar.stop(),
  };
}
