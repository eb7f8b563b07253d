import { grown } from '../../engine/grown.js';

/** What `validators[address]` holds in the seed. */
const ABSENT = 0; // deleted, or never set
const INT = 1;
const BYTES = 2; // the raw bytes of a balance line int() refused; truthy unless empty

/** {@link ValidatorsTable.tickets} for a balance on which `range()` raises: the lottery thread dies. */
export const CRASHES_LOTTERY = -1;

/**
 * The seed's `validators` dict, address -> balance, with each address given a small
 * integer slot so the lottery can work on typed arrays. Two clients with the same
 * address share a slot, as they share the dict entry in the seed. An address is keyed
 * by a small non-negative integer that stands for it one to one among the keys entered
 * since {@link forgetKeys} (the server keys an instant's addresses by their `#k` suffix).
 */
export class ValidatorsTable {
  /** Key -> slot, valid where {@link keyEpoch} holds the current {@link epoch}. */
  private keySlot: number[] = [];
  private keyEpoch: number[] = [];
  /**
   * Bumped by {@link forgetKeys}, which so forgets every key at once: the server forgets
   * at every connect instant, and a million connects each clearing a Map cost a second
   * (each clear allocates a new table).
   */
  private epoch = 0;
  private slotCount = 0;
  private kind: Uint8Array;
  private value: Float64Array;
  /** Changes with every write: equal versions mean equal contents. */
  version = 0;

  /** @param expectedSlots room made at once (the server makes at most one slot per connection), at least 64 */
  constructor(expectedSlots = 64) {
    const capacity = Math.max(64, expectedSlots);
    this.kind = new Uint8Array(capacity);
    this.value = new Float64Array(capacity);
  }

  /** Addresses ever entered (slots made). */
  get size(): number {
    return this.slotCount;
  }

  /** Whether the address keyed `key` was entered (since {@link forgetKeys}). */
  has(key: number): boolean {
    return this.keyEpoch[checkedKey(key)] === this.epoch;
  }

  /** The slot of the address keyed `key`, created on first use (or first since {@link forgetKeys}). */
  slotFor(key: number): number {
    if (this.has(key)) return this.keySlot[key] as number;
    const slot = this.slotCount++;
    this.keySlot[key] = slot;
    this.keyEpoch[key] = this.epoch;
    if (slot === this.kind.length) this.grow();
    return slot;
  }

  /**
   * Forgets which keys have which slot (slots and balances stay): for a caller who
   * knows that no key entered so far will be looked up again.
   */
  forgetKeys(): void {
    this.epoch++;
  }

  /** `validators[address] = balance`: an int, or (null) the raw text int() refused. */
  set(slot: number, balance: number | null, rawText: string): void {
    this.version++;
    this.kind[slot] = balance === null ? BYTES : INT;
    this.value[slot] = balance === null ? (rawText.length > 0 ? 1 : 0) : balance;
  }

  /** `del validators[address]` (a second del, which raises KeyError in the seed, changes nothing). */
  delete(slot: number): void {
    this.version++;
    this.kind[slot] = ABSENT;
  }

  /** Adds reward tokens to an int balance. */
  addTokens(slot: number, tokens: number): void {
    this.version++;
    this.value[slot] = (this.value[slot] as number) + tokens;
  }

  /**
   * What `pick_winner` makes of the entry: `if k: range(k)` gives `balance` tickets for a
   * positive int; none for a missing, zero, negative or empty entry; and for non-empty
   * bytes, {@link CRASHES_LOTTERY}.
   */
  tickets(slot: number): number {
    const kind = this.kind[slot];
    const value = this.value[slot] as number;
    if (kind === INT) return value > 0 ? value : 0;
    return kind === BYTES && value !== 0 ? CRASHES_LOTTERY : 0;
  }

  private grow(): void {
    this.kind = grown(this.kind, this.kind.length * 2);
    this.value = grown(this.value, this.value.length * 2);
  }
}

/** Keys index plain arrays: only small non-negative integers keep them dense. */
function checkedKey(key: number): number {
  if (!(Number.isInteger(key) && key >= 0 && key < 2 ** 31)) throw new RangeError(`ValidatorsTable: a key must be an integer in [0, 2^31), got ${key}`);
  return key;
}
