/**
 * The validators whose stake or wins changed since the last {@link take}: readers that
 * keep running totals over every validator (concentration, tracked shares) then visit
 * those few instead of all of them at each sample.
 */
export class ChangedValidators {
  private readonly marked: Uint8Array;
  private readonly list: Int32Array;
  private count = 0;

  constructor(validators: number) {
    this.marked = new Uint8Array(validators);
    this.list = new Int32Array(validators);
  }

  mark(i: number): void {
    if (this.marked[i] === 1) return;
    this.marked[i] = 1;
    this.list[this.count++] = i;
  }

  /** The validators changed since the last take (each once), which are then forgotten. */
  take(): Int32Array {
    // Fields read and written before the loop: nothing follows it (docs/performance.md).
    const count = this.count;
    const list = this.list;
    const marked = this.marked;
    this.count = 0;
    const changed = list.slice(0, count);
    for (let k = 0; k < count; k++) marked[list[k] as number] = 0;
    return changed;
  }
}
