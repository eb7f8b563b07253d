import type { LoggerInterface } from 'vega';

/** vega's Warn level: keep warnings and errors, drop info and debug. */
const WARN = 2;

/**
 * A vega / vega-lite logger that keeps warnings and errors instead of printing
 * them: rendering runs inside `pos-sim run`, whose stdout and stderr belong to the
 * CLI, and tests want to assert that a chart compiled without a warning. Plain
 * closures, not class methods: vega copies the methods onto its View, unbound.
 */
export function collectingLogger(): { logger: LoggerInterface; messages: string[] } {
  const messages: string[] = [];
  let level = WARN;
  const keep = (kind: string, args: unknown[]) =>
    messages.push(`${kind}: ${args.map((a) => (a instanceof Error ? a.message : String(a))).join(' ')}`);
  const logger: LoggerInterface = {
    level(next?: number) {
      if (next === undefined) return level;
      level = next;
      return logger;
    },
    error(...args: unknown[]) {
      keep('error', args);
      return logger;
    },
    warn(...args: unknown[]) {
      if (level >= WARN) keep('warning', args);
      return logger;
    },
    info: () => logger,
    debug: () => logger,
  };
  return { logger, messages };
}
