import { grown } from '../engine/grown.js';

/**
 * Rows of `width` doubles, one per owner, stored once per distinct row in use: owners
 * whose rows are equal may point at one row, and a write goes to a row of the owner's
 * own first (copy on write). Row 0 is all zeros, every owner's row at the start; it is
 * never written and never counted.
 *
 * Why: the exact test keeps six odds power sums per validator (48 MB at a million), but
 * validators of one stake that were in the same rounds have the same sums, bit for bit
 * (a million validators of 1,180 stakes hold a few thousand distinct rows).
 */
export class SharedRows {
  /** Each owner's row. */
  readonly rowOf: Int32Array;
  /** The rows, row-major: row r is `values[r·width .. (r+1)·width)`. */
  private values: Float64Array;
  /** Owners pointing at each row (row 0's count is not kept). */
  private owners: Int32Array;
  /** Rows no owner points at, to be handed out again. */
  private free: Int32Array;
  private freeCount = 0;
  /** Rows ever handed out, row 0 included. */
  private rowsUsed = 1;

  constructor(
    readonly width: number,
    owners: number,
  ) {
    if (!(Number.isInteger(width) && width >= 1)) throw new RangeError(`SharedRows: width must be an integer >= 1, got ${width}`);
    this.rowOf = new Int32Array(owners);
    const rows = 64;
    this.values = new Float64Array(rows * width);
    this.owners = new Int32Array(rows);
    this.free = new Int32Array(rows);
  }

  /** The store the indices of {@link ownRow} point into; replaced when it grows. */
  get store(): Float64Array {
    return this.values;
  }

  /** Rows some owner points at, row 0 not counted (for measurements and tests). */
  get rowsInUse(): number {
    return this.rowsUsed - 1 - this.freeCount;
  }

  /** The owner's row (a view, valid until the next {@link ownRow} or {@link pointAt}). */
  valuesOf(owner: number): Float64Array {
    const at = (this.rowOf[owner] as number) * this.width;
    return this.values.subarray(at, at + this.width);
  }

  /** Whether the owner's row holds `expected[from .. from + width)`. */
  holds(owner: number, expected: Float64Array, from: number): boolean {
    return this.rowHolds(this.rowOf[owner] as number, expected, from);
  }

  /** Whether the owner's row is its own: not row 0, and no other owner points at it. */
  ownsAlone(owner: number): boolean {
    const row = this.rowOf[owner] as number;
    return row !== 0 && this.owners[row] === 1;
  }

  /**
   * The index in {@link store} of the owner's row, made the owner's alone first (a copy
   * of the row it shared, or of row 0), so that writing there changes no other owner.
   */
  ownRow(owner: number): number {
    const row = this.rowOf[owner] as number;
    if (this.ownsAlone(owner)) return row * this.width;
    const own = this.newRow();
    const width = this.width;
    this.values.copyWithin(own * width, row * width, (row + 1) * width);
    this.leave(row);
    this.owners[own] = 1;
    this.rowOf[owner] = own;
    return own * width;
  }

  /**
   * Points the owner at `row` if that row is in use and holds `expected[from .. from + width)`
   * (a row no one points at may since have been handed out with other values). Returns
   * whether it did.
   */
  pointAt(owner: number, row: number, expected: Float64Array, from: number): boolean {
    if (row === 0 || !((this.owners[row] as number) > 0) || !this.rowHolds(row, expected, from)) return false;
    const before = this.rowOf[owner] as number;
    if (before === row) return true;
    this.owners[row] = (this.owners[row] as number) + 1;
    this.leave(before);
    this.rowOf[owner] = row;
    return true;
  }

  /** The owner's row back to zeros. */
  clear(owner: number): void {
    this.leave(this.rowOf[owner] as number);
    this.rowOf[owner] = 0;
  }

  private rowHolds(row: number, expected: Float64Array, from: number): boolean {
    const at = row * this.width;
    for (let j = 0; j < this.width; j++) if ((this.values[at + j] as number) !== (expected[from + j] as number)) return false;
    return true;
  }

  /** An owner stops pointing at `row`: the row is free once no one does. */
  private leave(row: number): void {
    if (row === 0) return;
    const left = (this.owners[row] as number) - 1;
    this.owners[row] = left;
    if (left === 0) this.free[this.freeCount++] = row;
  }

  private newRow(): number {
    if (this.freeCount > 0) return this.free[--this.freeCount] as number;
    if (this.rowsUsed === this.owners.length) {
      const rows = 2 * this.owners.length;
      this.values = grown(this.values, rows * this.width);
      this.owners = grown(this.owners, rows);
      this.free = grown(this.free, rows);
    }
    return this.rowsUsed++;
  }
}
