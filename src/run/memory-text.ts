import { TextBytes } from '../report/text-bytes.js';
import type { OpenSink, TextSink } from './text-sink.js';

/** A {@link TextSink} that keeps its text, decoded piece by piece as its buffer fills. */
export class MemoryText implements TextSink {
  readonly pending = new TextBytes();
  private readonly decoder = new TextDecoder();
  private readonly pieces: string[] = [];

  constructor(private readonly flushAt = 1 << 16) {}

  write(text: string): void {
    this.pending.text(text);
    this.flushIfFull();
  }

  flushIfFull(): void {
    if (this.pending.length >= this.flushAt) this.flush();
  }

  close(): void {
    this.flush();
  }

  /** Everything written (after {@link close}). */
  text(): string {
    return this.pieces.join('');
  }

  private flush(): void {
    // stream: a character cut at the buffer's end is completed by the next piece.
    this.pieces.push(this.decoder.decode(this.pending.view(), { stream: true }));
    this.pending.clear();
  }
}

/**
 * The files of a run kept in memory, by name. Names in `discard` get a sink that
 * forgets what it is given (a long run's rounds.csv is some 60 bytes a round).
 */
export class MemoryFolder {
  private readonly files = new Map<string, MemoryText>();

  constructor(private readonly discard: ReadonlySet<string> = new Set()) {}

  readonly open: OpenSink = (name) => {
    if (this.discard.has(name)) return new DiscardedText();
    const sink = new MemoryText();
    this.files.set(name, sink);
    return sink;
  };

  /** A file's text, or null if the run did not write it (or it was discarded). */
  text(name: string): string | null {
    return this.files.get(name)?.text() ?? null;
  }
}

class DiscardedText implements TextSink {
  readonly pending = new TextBytes(1 << 10);
  write(): void {}
  flushIfFull(): void {
    if (this.pending.length >= 1 << 10) this.pending.clear();
  }
  close(): void {
    this.pending.clear();
  }
}
