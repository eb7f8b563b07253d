import type { TextBytes } from '../report/text-bytes.js';

/**
 * Where a run's text files go as they are made: a file on disk for the CLI
 * (cli/buffered-file.ts), memory for the library API (memory-text.ts). Row writers
 * write into `pending` and then call {@link flushIfFull}, so both get the same bytes.
 */
export interface TextSink {
  readonly pending: TextBytes;
  write(text: string): void;
  flushIfFull(): void;
  close(): void;
}

/** Opens the sink of one file of a results folder, by its name (e.g. `rounds.csv`). */
export type OpenSink = (name: string) => TextSink;
