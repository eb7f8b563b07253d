/**
 * Ctrl-C (SIGINT) and SIGTERM during a run: the run's cleanup (removing its partial
 * folder, stopping its workers) happens at once, from the signal handler, then the
 * process exits 130 or 143 with a line saying what happened. The handler runs as soon
 * as the event loop is free, so every long loop of a run yields regularly
 * ({@link yieldToSignals}).
 */
import { err } from './output.js';
import { couldNotCleanUp, stoppedBy } from './messages.js';

const EXIT_CODES = { SIGINT: 130, SIGTERM: 143 } as const;
type Signal = keyof typeof EXIT_CODES;

export interface Interruptible {
  /** What the run is doing now, for the message, e.g. "the simulation (round 120 of 2,000)". */
  stage(): string;
  /** Removes what the run wrote; returns what it says of that, e.g. "removed its partial folder X". */
  cleanUp(): string;
}

/**
 * Installs the handlers for one run; returns the function that removes them.
 * @param exit ends the process (tests pass a recorder)
 */
export function onInterrupt(
  run: Interruptible,
  write: (line: string) => void = (line) => err(line),
  exit: (code: number) => void = (code) => process.exit(code),
): () => void {
  const handlers = (Object.keys(EXIT_CODES) as Signal[]).map((signal) => {
    const handler = () => {
      const stage = run.stage();
      let cleaned: string;
      try {
        cleaned = run.cleanUp();
      } catch (error) {
        cleaned = couldNotCleanUp(error instanceof Error ? error.message : String(error));
      }
      write(`\npos-sim: ${stoppedBy(signal, stage, cleaned)}\n`);
      exit(EXIT_CODES[signal]);
    };
    process.once(signal, handler);
    return [signal, handler] as const;
  });
  return () => {
    for (const [signal, handler] of handlers) process.off(signal, handler);
  };
}

/** Lets pending signal handlers (and progress output) run. */
export function yieldToSignals(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/** How long the main thread may keep the event loop waiting. */
const YIELD_EVERY_MS = 50;
let lastYield = 0;

/** {@link yieldToSignals} when the last yield is more than 50 ms ago; else at once (cheap enough to call per slice). */
export function yieldNowAndThen(): Promise<void> {
  const now = performance.now();
  if (now - lastYield < YIELD_EVERY_MS) return Promise.resolve();
  lastYield = now;
  return yieldToSignals();
}
