import { closeSync, openSync, writeSync } from 'node:fs';

/**
 * Appends text to a file through a fixed-size buffer with synchronous writes: the
 * simulation loop is synchronous, and a stream would queue every row in memory until
 * the loop yields, so memory would grow with the number of rounds.
 */
export class BufferedFile {
  private readonly fd: number;
  /** Text not yet written: appending builds a rope that the write flattens once (faster than joining an array). */
  private pending = '';

  constructor(
    path: string,
    private readonly flushAt = 1 << 16,
  ) {
    this.fd = openSync(path, 'w');
  }

  write(text: string): void {
    this.pending += text;
    if (this.pending.length >= this.flushAt) this.flush();
  }

  flush(): void {
    if (this.pending.length === 0) return;
    writeSync(this.fd, this.pending);
    this.pending = '';
  }

  close(): void {
    this.flush();
    closeSync(this.fd);
  }
}
