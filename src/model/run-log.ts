/**
 * Which stretches of the candidate blocks came from runs in which every member of a
 * batch source's order typed ({@link PosServer.submitPeriodicRun}), so that the
 * lottery can tell when its temp blocks are one whole cycle of a source: each member
 * once, in the source's order from some position on, wrapping around. Blocks are
 * numbered by their position in the stream of all blocks ever put (see
 * {@link CandidateBlocks.tempStartIndex}); blocks put any other way leave gaps.
 */
export class RunLog {
  private source: Int32Array[] = [];
  private startIndex: number[] = [];
  private from: number[] = [];
  private to: number[] = [];
  /** Entries before this one are gone. */
  private head = 0;

  /** Blocks [startIndex, startIndex + to - from) are members from..to-1 of `source`'s order, each once. */
  note(source: Int32Array, from: number, to: number, startIndex: number): void {
    this.source.push(source);
    this.startIndex.push(startIndex);
    this.from.push(from);
    this.to.push(to);
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

  /** Drops the runs that end at or before `index`. */
  forgetBefore(index: number): void {
    let head = this.head;
    const count = this.source.length;
    while (head < count && (this.startIndex[head] as number) + (this.to[head] as number) - (this.from[head] as number) <= index) head++;
    if (head === count) {
      this.source.length = this.startIndex.length = this.from.length = this.to.length = 0;
      head = 0;
    } else if (head > 64) {
      this.source.splice(0, head);
      this.startIndex.splice(0, head);
      this.from.splice(0, head);
      this.to.splice(0, head);
      head = 0;
    }
    this.head = head;
  }
}
