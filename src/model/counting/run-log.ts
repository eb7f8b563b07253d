import type { CandidateBlocks } from '../logic/candidate-blocks.js';

/**
 * Which stretches of the candidate blocks came from runs in which every member of a
 * batch source's order typed ({@link PosServer.submitRun}), so that the
 * lottery can tell when its temp blocks are one whole cycle of a source: each member
 * once, in the source's order from some position on, wrapping around. Blocks are
 * numbered by their position in the stream of all blocks ever put (see
 * {@link CandidateBlocks.tempStartIndex}); blocks put any other way leave gaps.
 *
 * The blocks of a steady run are not written when they are put, only when something
 * reads them ({@link write}): a round drawn from a whole cycle reads one block.
 *
 * Runs are kept as parallel arrays, not an object each: a few runs a round, a million
 * rounds.
 */
export class RunLog {
  private readonly source: Int32Array[] = [];
  private readonly startIndex: number[] = [];
  private readonly from: number[] = [];
  private readonly to: number[] = [];
  /** How to write an unwritten run's blocks: member i types at cycleStartUs + residuesUs[i] the BPM bpm[connection], built on builtOn; cycleStartUs NaN once written (or never deferred). */
  private readonly residuesUs: Array<Float64Array | null> = [];
  private readonly bpm: Array<Float64Array | null> = [];
  private readonly cycleStartUs: number[] = [];
  private readonly builtOn: number[] = [];
  /** Entries before this one are gone. */
  private head = 0;
  /** The start position of the cycle the last successful {@link wholeCycle} found. */
  wholeCycleStart = 0;

  /** Every per-run array above, to drop entries from all at once. */
  private readonly columns: unknown[][] = [
    this.source,
    this.startIndex,
    this.from,
    this.to,
    this.residuesUs,
    this.bpm,
    this.cycleStartUs,
    this.builtOn,
  ];

  /** @param slots address slot by connection, for the blocks it writes */
  constructor(private readonly slots: Int32Array = new Int32Array(0)) {}

  /** Blocks [startIndex, startIndex + to - from) are members from..to-1 of `source`'s order, each once, written. */
  note(source: Int32Array, from: number, to: number, startIndex: number): void {
    this.push(source, from, to, startIndex, null, null, Number.NaN, 0);
  }

  /**
   * {@link note} for blocks not written yet: member i of `source` typed at
   * cycleStartUs + residuesUs[i] the BPM bpm[connection], built on chain position `builtOn`.
   */
  noteUnwritten(
    source: Int32Array,
    from: number,
    to: number,
    startIndex: number,
    residuesUs: Float64Array,
    bpm: Float64Array,
    cycleStartUs: number,
    builtOn: number,
  ): void {
    this.push(source, from, to, startIndex, residuesUs, bpm, cycleStartUs, builtOn);
  }

  /**
   * If blocks [startIndex, endIndex) are exactly one whole cycle of one source, that
   * source, with the position it starts at in {@link wholeCycleStart}; else null.
   * Forgets runs before startIndex (call it with the temp blocks' start, which only
   * moves on).
   */
  wholeCycle(startIndex: number, endIndex: number): Int32Array | null {
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
    if (expectIndex !== endIndex || endIndex - startIndex !== n) return null;
    this.wholeCycleStart = this.from[first] as number;
    return source;
  }

  /**
   * Writes the unwritten blocks among [startIndex, endIndex) into `blocks` (whole runs
   * at a time), so that they can be read.
   */
  write(blocks: CandidateBlocks, startIndex: number, endIndex: number): void {
    for (let e = this.head; e < this.source.length && (this.startIndex[e] as number) < endIndex; e++) {
      const first = this.startIndex[e] as number;
      const from = this.from[e] as number;
      const to = this.to[e] as number;
      if (Number.isNaN(this.cycleStartUs[e]) || first + to - from <= startIndex) continue;
      for (let i = from; i < to; i++) this.writeBlock(blocks, e, first + i - from, i);
      this.cycleStartUs[e] = Number.NaN;
    }
  }

  /** Writes block `index` alone if it is unwritten (its run stays unwritten: writing a block twice does no harm). */
  writeOne(blocks: CandidateBlocks, index: number): void {
    for (let e = this.head; e < this.source.length && (this.startIndex[e] as number) <= index; e++) {
      const first = this.startIndex[e] as number;
      const from = this.from[e] as number;
      if (Number.isNaN(this.cycleStartUs[e]) || index >= first + (this.to[e] as number) - from) continue;
      this.writeBlock(blocks, e, index, from + index - first);
    }
  }

  /** Drops the runs that end at or before `index`. */
  forgetBefore(index: number): void {
    let head = this.head;
    const count = this.source.length;
    while (head < count && (this.startIndex[head] as number) + (this.to[head] as number) - (this.from[head] as number) <= index) head++;
    if (head === count) {
      for (const column of this.columns) column.length = 0;
      head = 0;
    } else if (head > 64) {
      // Moved down in place: splice would make an array of what it removes.
      for (const column of this.columns) {
        column.copyWithin(0, head);
        column.length = count - head;
      }
      head = 0;
    }
    this.head = head;
  }

  private push(
    source: Int32Array,
    from: number,
    to: number,
    startIndex: number,
    residuesUs: Float64Array | null,
    bpm: Float64Array | null,
    cycleStartUs: number,
    builtOn: number,
  ): void {
    this.source.push(source);
    this.startIndex.push(startIndex);
    this.from.push(from);
    this.to.push(to);
    this.residuesUs.push(residuesUs);
    this.bpm.push(bpm);
    this.cycleStartUs.push(cycleStartUs);
    this.builtOn.push(builtOn);
  }

  /** Writes block `index`: the line of member `i` of entry e's source. */
  private writeBlock(blocks: CandidateBlocks, e: number, index: number, i: number): void {
    const c = (this.source[e] as Int32Array)[i] as number;
    const cycleStartUs = this.cycleStartUs[e] as number;
    const residuesUs = this.residuesUs[e] as Float64Array;
    const bpm = this.bpm[e] as Float64Array;
    blocks.write(index, c, this.slots[c] as number, bpm[c] as number, cycleStartUs + (residuesUs[i] as number), this.builtOn[e] as number);
  }
}
