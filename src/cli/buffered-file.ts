import { closeSync, openSync, writeSync } from 'node:fs';

/**
 * Appends text to a file through a fixed-size buffer with synchronous writes: the
 * simulation loop is synchronous, and a stream would queue every row in memory until
 * the loop yields, so memory would grow with the number of rounds.
 */
export class BufferedFile {
  private readonly fd: number;
  private chunks: string[] = [];
  private pending = 0;

  constructor(
    path: string,
    private readonly flushAt = 1 << 16,
  ) {
    this.fd = openSync(path, 'w');
  }

  write(text: string): void {
    this.chunks.push(text);
    this.pending += text.length;
    if (this.pending >= this.flushAt) this.flush();
  }

  flush(): void {
    if (this.chunks.length === 0) return;
    writeSync(this.fd, this.chunks.join(''));
    this.chunks = [];
    this.pending = 0;
  }

  close(): void {
    this.flush();
    closeSync(this.fd);
  }
}
