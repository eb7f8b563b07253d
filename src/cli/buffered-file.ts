import { closeSync, openSync, writeSync } from 'node:fs';
import { TextBytes } from '../report/text-bytes.js';
import type { TextSink } from '../run/text-sink.js';

/**
 * Appends text to a file through a buffer with synchronous writes: the simulation loop
 * is synchronous, and a stream would queue every row in memory until the loop yields,
 * so memory would grow with the number of rounds.
 */
export class BufferedFile implements TextSink {
  private readonly fd: number;
  /** What is not written yet. Row writers may write into it, then call {@link flushIfFull}. */
  readonly pending = new TextBytes();

  constructor(
    path: string,
    private readonly flushAt = 1 << 16,
  ) {
    this.fd = openSync(path, 'w');
  }

  write(text: string): void {
    this.pending.text(text);
    this.flushIfFull();
  }

  flushIfFull(): void {
    if (this.pending.length >= this.flushAt) this.flush();
  }

  flush(): void {
    const bytes = this.pending.view();
    // writeSync may take fewer bytes than it is given.
    for (let at = 0; at < bytes.length; ) at += writeSync(this.fd, bytes, at, bytes.length - at);
    this.pending.clear();
  }

  close(): void {
    this.flush();
    closeSync(this.fd);
  }
}
