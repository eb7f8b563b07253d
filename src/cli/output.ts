/**
 * Where the CLI's text goes: the process's stdout and stderr, or, for a command line
 * run in-process (tests, the fuzz suite, a tool embedding pos-sim), the caller's
 * sink. Every line the CLI prints goes through {@link out} or {@link err}.
 */
export interface Output {
  stdout(text: string): void;
  stderr(text: string): void;
}

const processOutput: Output = {
  stdout: (text) => void process.stdout.write(text),
  stderr: (text) => void process.stderr.write(text),
};

let current: Output = processOutput;

/** Results and paths. */
export const out = (text: string): void => current.stdout(text);
/** Problems, notes and progress. */
export const err = (text: string): void => current.stderr(text);

/** Runs `task` with the CLI's text going to `output` (one in-process command line at a time). */
export async function withOutput<T>(output: Output | undefined, task: () => Promise<T>): Promise<T> {
  if (output === undefined) return task();
  const before = current;
  current = output;
  try {
    return await task();
  } finally {
    current = before;
  }
}
