/**
 * The seed's `candidate_blocks` queue and `temp_blocks` list, as one ring of blocks:
 * [tempStart, candidateStart) are temp blocks, [candidateStart, end) wait in the
 * queue. Intake moves the boundary; the lottery clears the temp part. A block is a
 * few numbers (no strings): its hash and timestamp text are only made if it is
 * appended.
 */
export class CandidateBlocks {
  private capacity = 1024;
  private mask = this.capacity - 1;
  connection = new Int32Array(this.capacity);
  address = new Int32Array(this.capacity);
  bpm = new Float64Array(this.capacity);
  submittedUs = new Float64Array(this.capacity);
  builtOn = new Float64Array(this.capacity);
  private tempStart = 0;
  private candidateStart = 0;
  private end = 0;

  get tempCount(): number {
    return this.candidateStart - this.tempStart;
  }

  get queuedCount(): number {
    return this.end - this.candidateStart;
  }

  /** Blocks ever put before the first temp block, the first queued one, and the end: positions in the stream of blocks. */
  get tempStartIndex(): number {
    return this.tempStart;
  }

  get candidateStartIndex(): number {
    return this.candidateStart;
  }

  get endIndex(): number {
    return this.end;
  }

  /** Ring slot of the i-th temp block (0-based, in order). */
  tempSlot(i: number): number {
    return (this.tempStart + i) & this.mask;
  }

  /** `candidate_blocks.put(block)`. */
  put(connection: number, address: number, bpm: number, submittedUs: number, builtOn: number): void {
    if (this.end - this.tempStart === this.capacity) this.grow(this.capacity + 1);
    this.write(this.end++, connection, address, bpm, submittedUs, builtOn);
  }

  /** Writes block `index` (one put, reserved, or put unwritten: see {@link reserve}). */
  write(index: number, connection: number, address: number, bpm: number, submittedUs: number, builtOn: number): void {
    const slot = index & this.mask;
    this.connection[slot] = connection;
    this.address[slot] = address;
    this.bpm[slot] = bpm;
    this.submittedUs[slot] = submittedUs;
    this.builtOn[slot] = builtOn;
  }

  /**
   * Room for `count` more blocks, which the caller then writes with {@link write} at
   * indices endIndex + k, before or after {@link commitPuts} (a run's blocks may be
   * written only when read).
   */
  reserve(count: number): void {
    const needed = this.end + count - this.tempStart;
    if (needed > this.capacity) this.grow(needed);
  }

  /** The first `count` reserved blocks are written: they join the queue. */
  commitPuts(count: number): void {
    this.end += count;
  }

  /** Intake: every queued block moves, in FIFO order, to the end of the temp list. Returns how many. */
  intake(): number {
    const moved = this.end - this.candidateStart;
    this.candidateStart = this.end;
    return moved;
  }

  /** `temp_blocks.clear()`. */
  clearTemp(): void {
    this.tempStart = this.candidateStart;
  }

  /** Forgets every block (once the lottery thread is dead nothing reads them again). */
  clearAll(): void {
    this.tempStart = this.candidateStart = this.end;
  }

  /**
   * To the first power of two that holds `needed` blocks, in one step: a run of a million
   * lines reserved from 1,024 went through ten doublings, each a fresh set of arrays (and
   * fresh pages for the kernel to fault in).
   */
  private grow(needed: number): void {
    const old = { ...this.fields() };
    const oldMask = this.mask;
    while (this.capacity < needed) this.capacity *= 2;
    this.mask = this.capacity - 1;
    this.connection = new Int32Array(this.capacity);
    this.address = new Int32Array(this.capacity);
    this.bpm = new Float64Array(this.capacity);
    this.submittedUs = new Float64Array(this.capacity);
    this.builtOn = new Float64Array(this.capacity);
    for (let i = this.tempStart; i < this.end; i++) {
      const from = i & oldMask;
      const to = i & this.mask;
      this.connection[to] = old.connection[from] as number;
      this.address[to] = old.address[from] as number;
      this.bpm[to] = old.bpm[from] as number;
      this.submittedUs[to] = old.submittedUs[from] as number;
      this.builtOn[to] = old.builtOn[from] as number;
    }
  }

  private fields() {
    return {
      connection: this.connection,
      address: this.address,
      bpm: this.bpm,
      submittedUs: this.submittedUs,
      builtOn: this.builtOn,
    };
  }
}
