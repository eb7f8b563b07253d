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
 * address share a slot, as they share the dict entry in the seed. An address may be
 * keyed by anything that stands for it one to one among the keys entered since
 * {@link forgetKeys} (the server keys an instant's addresses by their `#k` suffix).
 */
export class ValidatorsTable {
  /** Key -> slot, for the keys entered since {@link forgetKeys}. */
  private readonly slots = new Map<string | number, number>();
  private slotCount = 0;
  private kind = new Uint8Array(64);
  private value = new Float64Array(64);
  /** Changes with every write: equal versions mean equal contents. */
  version = 0;

  /** Addresses ever entered (slots made). */
  get size(): number {
    return this.slotCount;
  }

  /** Whether the address keyed `key` was entered (since {@link forgetKeys}). */
  has(key: string | number): boolean {
    return this.slots.has(key);
  }

  /** The slot of the address keyed `key`, created on first use (or first since {@link forgetKeys}). */
  slotFor(key: string | number): number {
    const existing = this.slots.get(key);
    if (existing !== undefined) return existing;
    const slot = this.slotCount++;
    this.slots.set(key, slot);
    if (slot === this.kind.length) this.grow();
    return slot;
  }

  /**
   * Forgets which keys have which slot (slots and balances stay): for a caller who
   * knows that no key entered so far will be looked up again.
   */
  forgetKeys(): void {
    this.slots.clear();
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
