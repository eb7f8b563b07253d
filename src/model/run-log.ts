import type { CandidateBlocks } from './candidate-blocks.js';

/** What it takes to write the blocks of a steady run when someone reads them (see {@link RunLog.note}). */
export interface UnwrittenBlocks {
  readonly residuesUs: Float64Array;
  readonly cycleStartUs: number;
  /** BPM by connection. */
  readonly bpm: Float64Array;
  /** Address slot by connection. */
  readonly slots: Int32Array;
  /** Chain position the blocks are built on. */
  readonly builtOn: number;
}

/**
 * Which stretches of the candidate blocks came from runs in which every member of a
 * batch source's order typed ({@link PosServer.submitPeriodicRun}), so that the
 * lottery can tell when its temp blocks are one whole cycle of a source: each member
 * once, in the source's order from some position on, wrapping around. Blocks are
 * numbered by their position in the stream of all blocks ever put (see
 * {@link CandidateBlocks.tempStartIndex}); blocks put any other way leave gaps.
 *
 * The blocks of a steady run are not written when they are put, only when something
 * reads them ({@link write}): a round drawn from a whole cycle reads one block.
 */
export class RunLog {
  private source: Int32Array[] = [];
  private startIndex: number[] = [];
  private from: number[] = [];
  private to: number[] = [];
  private unwritten: Array<UnwrittenBlocks | null> = [];
  /** Entries before this one are gone. */
  private head = 0;

  /**
   * Blocks [startIndex, startIndex + to - from) are members from..to-1 of `source`'s
   * order, each once; `unwritten` says how to write them if they are not written yet.
   */
  note(source: Int32Array, from: number, to: number, startIndex: number, unwritten: UnwrittenBlocks | null = null): void {
    this.source.push(source);
    this.startIndex.push(startIndex);
    this.from.push(from);
    this.to.push(to);
    this.unwritten.push(unwritten);
  }

  /**
   * If blocks [startIndex, endIndex) are exactly one whole cycle of one source, that
   * source and the position it starts at; else null. Forgets runs before startIndex
   * (call it with the temp blocks' start, which only moves on).
   */
  wholeCycle(startIndex: number, endIndex: number): { source: Int32Array; start: number } | null {
    this.forgetBefore(startIndex);
    const first = this.head;
    if (first === this.source.length || this.startIndex[first] !== startIndex) return null;
    const source = this.source[first] as Int32Array;
    const n = source.length;
    let expectIndex = startIndex;
    let expectFrom = this.from[first] as number;
    for (let e = first; e < this.source.length && expectIndex < endIndex; e++) {
      if (this.source[e] !== source || this.startIndex[e] !== expectIndex || this.from[e] !== expectFrom) return null;
      const to = this.to[e] as number;
      expectIndex += to - expectFrom;
      expectFrom = to === n ? 0 : to;
    }
    return expectIndex === endIndex && endIndex - startIndex === n ? { source, start: this.from[first] as number } : null;
  }

  /**
   * Writes the unwritten blocks among [startIndex, endIndex) into `blocks` (whole runs
   * at a time), so that they can be read.
   */
  write(blocks: CandidateBlocks, startIndex: number, endIndex: number): void {
    for (let e = this.head; e < this.source.length && (this.startIndex[e] as number) < endIndex; e++) {
      const unwritten = this.unwritten[e];
      const first = this.startIndex[e] as number;
      const from = this.from[e] as number;
      const to = this.to[e] as number;
      if (unwritten === null || unwritten === undefined || first + to - from <= startIndex) continue;
      const source = this.source[e] as Int32Array;
      for (let i = from; i < to; i++) writeBlock(blocks, first + i - from, source, i, unwritten);
      this.unwritten[e] = null;
    }
  }

  /** Writes block `index` alone if it is unwritten (its run stays unwritten: writing a block twice does no harm). */
  writeOne(blocks: CandidateBlocks, index: number): void {
    for (let e = this.head; e < this.source.length && (this.startIndex[e] as number) <= index; e++) {
      const unwritten = this.unwritten[e];
      const first = this.startIndex[e] as number;
      const from = this.from[e] as number;
      if (unwritten === null || unwritten === undefined || index >= first + (this.to[e] as number) - from) continue;
      writeBlock(blocks, index, this.source[e] as Int32Array, from + index - first, unwritten);
    }
  }

  /** Drops the runs that end at or before `index`. */
  forgetBefore(index: number): void {
    let head = this.head;
    const count = this.source.length;
    while (head < count && (this.startIndex[head] as number) + (this.to[head] as number) - (this.from[head] as number) <= index) head++;
    if (head === count) {
      this.source.length = this.startIndex.length = this.from.length = this.to.length = this.unwritten.length = 0;
      head = 0;
    } else if (head > 64) {
      this.source.splice(0, head);
      this.startIndex.splice(0, head);
      this.from.splice(0, head);
      this.to.splice(0, head);
      this.unwritten.splice(0, head);
      head = 0;
    }
    this.head = head;
  }
}

/** Writes block `index`: the line of member `i` of `source` in an unwritten run. */
function writeBlock(blocks: CandidateBlocks, index: number, source: Int32Array, i: number, run: UnwrittenBlocks): void {
  const c = source[i] as number;
  blocks.write(index, c, run.slots[c] as number, run.bpm[c] as number, run.cycleStartUs + (run.residuesUs[i] as number), run.builtOn);
}
