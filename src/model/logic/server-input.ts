import type { PeriodicRun } from './periodic-submitters.js';
import type { TypedInput } from '../../scenario/types.js';

/**
 * Everything the clients can do to the server (server-logic.md, "A connection"), and
 * the only way their input reaches it: connect with a balance line, type BPM lines,
 * close. A line comes one at a time ({@link submitLine}) or, from clients that type at
 * a fixed interval, as a run of lines due one after another ({@link submitRun}); both
 * end in the same state, which the tests check line by line (`periodicRuns: false`,
 * `periodicInBulk: false` in ModelRun's test doubles).
 *
 * The contract of runs, in one place:
 * - a client declares its interval ({@link declarePeriodic}) before its first line, and
 *   then types one line every interval for as long as it is connected;
 * - a run holds only lines due at or after now, in time order, and only lines before the
 *   first moment any member could close (RunTypist.untilUs): a run's lines never
 *   schedule anything;
 * - after {@link linesBeforeSteady} lines a member's lines need nothing of their own
 *   beyond being counted (PeriodicRun.steady).
 */
export interface ServerInput {
  /** A client connects and types its balance line. Returns false if the fixed rules refuse it. */
  connect(connection: number, balance: TypedInput): boolean;
  /** The client types one BPM line. Returns whether its session goes on (int() may refuse the line). */
  submitLine(connection: number, line: TypedInput): boolean;
  /**
   * The members of `run` that are connected and have started each type `bpm[connection]`
   * (an integer line). Fills in the run's `typed` and `lastTypedUs`; the caller enters them.
   */
  submitRun(run: PeriodicRun, bpm: Float64Array): void;
  /** The connection closes: the server reads an empty line. */
  disconnect(connection: number): void;
  /** The client will type every `intervalUs` from its first line on, while connected. */
  declarePeriodic(connection: number, intervalUs: number): void;
  /** Lines a client typing every `intervalUs` types before its runs may be steady (null: never). */
  linesBeforeSteady(intervalUs: number): number | null;
  /** No client will type again. */
  noMoreInput(): void;
}
