import { decimalLength } from '../counting/integers.js';
import { sha256Hex } from './sha256.js';

/** How many of the newest blocks keep their Index and Hash in memory (see {@link Chain}). */
const RECENT_CAPACITY = 4096;

/** A block as the seed's `json.dumps` writes it (key order included). */
export interface BlockFields {
  readonly index: number;
  readonly bpm: string;
  readonly timestamp: string;
  readonly prevHash: string;
  readonly validator: string;
}

/** Block hash: `sha256(str(Index) + str(BPM) + Timestamp + PrevHash)`; the Validator is not hashed. */
export function blockHash(b: Pick<BlockFields, 'index' | 'bpm' | 'timestamp' | 'prevHash'>): string {
  return sha256Hex(`${b.index}${b.bpm}${b.timestamp}${b.prevHash}`);
}

/** `json.dumps(block)` of a generated block: keys Index, BPM, Timestamp, PrevHash, Validator, Hash. */
export function blockJson(b: BlockFields, hash: string): string {
  return `{"Index": ${b.index}, "BPM": ${b.bpm}, "Timestamp": "${b.timestamp}", "PrevHash": "${b.prevHash}", "Validator": "${b.validator}", "Hash": "${hash}"}`;
}

/** `json.dumps` of the genesis block, whose keys come in another order: Index, Timestamp, BPM, ... */
export function genesisJson(timestamp: string, hash: string): string {
  return `{"Index": 0, "Timestamp": "${timestamp}", "BPM": 0, "PrevHash": "", "Validator": "", "Hash": "${hash}"}`;
}

/** Length of blockJson's text around its fields: `{"Index": , "BPM": , "Timestamp": "", ...}`. */
const BLOCK_JSON_FRAME = blockJson({ index: 0, bpm: '', timestamp: '', prevHash: '', validator: '' }, '').length - 1;
const HASH_LENGTH = 64;

/** The outcome of appending one block. */
export interface AppendedBlock {
  /** Position in the chain (0 = genesis). */
  position: number;
  /** The block's own Index field (differs from position once stale blocks are in). */
  index: number;
  /** '' when the chain does not keep text (see {@link Chain}). */
  hash: string;
  /** True when Index/PrevHash do not follow the block before it: `is_block_valid` would fail. */
  stale: boolean;
  /** '' when the chain does not keep text. */
  json: string;
}

/**
 * The chain, without keeping it: only the newest blocks' Index and Hash (a candidate
 * is built on the tip of its submission time, which is never more than a few lotteries
 * old), the length, and the length of `json.dumps(chain)` for the sync traffic.
 * Memory stays flat however long the run; the whole chain can be streamed out through
 * the appended blocks' JSON.
 *
 * A chain that does not keep text ({@link keepsText} false) skips the hashing and JSON
 * of every block and keeps only what the run's results need: each block's Index, the
 * length, and the byte count (hashes are always 64 characters, so the JSON's length
 * follows from the other fields' lengths). Staleness is then read from positions: a
 * block is stale exactly when it was built on another block than the tip, since two
 * blocks with the same Index and text would have to come from the same round's pool,
 * of which only one is appended.
 */
export class Chain {
  private readonly indexes = new Float64Array(RECENT_CAPACITY);
  private readonly hashes: string[] = new Array<string>(RECENT_CAPACITY).fill('');
  private count = 0;
  private jsonBytes = 0;
  readonly genesisJson: string;

  constructor(
    genesisTimestamp: string,
    readonly keepsText = true,
  ) {
    const hash = blockHash({ index: 0, bpm: '0', timestamp: genesisTimestamp, prevHash: '' });
    this.genesisJson = genesisJson(genesisTimestamp, hash);
    this.remember(0, hash);
    this.jsonBytes = 2 + this.genesisJson.length; // "[" + block + "]"
  }

  /** Number of blocks, genesis included. */
  get length(): number {
    return this.count;
  }

  /** Position of the last block. */
  get tipPosition(): number {
    return this.count - 1;
  }

  /** Bytes the seed's sync sender writes now: `json.dumps(chain)` plus its newline. */
  get syncMessageBytes(): number {
    return this.jsonBytes + 1;
  }

  /** Index field of the block at a recent position. */
  indexAt(position: number): number {
    this.checkRecent(position);
    return this.indexes[position % RECENT_CAPACITY] as number;
  }

  /** Hash of the block at a recent position. */
  hashAt(position: number): string {
    this.checkRecent(position);
    return this.hashes[position % RECENT_CAPACITY] as string;
  }

  /**
   * Appends a block built on the block at `builtOnPosition` (the tip when it was
   * built), exactly as the seed does: no check against the current tip.
   */
  appendBuiltOn(builtOnPosition: number, bpm: string, timestamp: string, validator: string): AppendedBlock {
    if (!this.keepsText) throw new Error('Chain.appendBuiltOn: this chain keeps no text; use appendCounted');
    const fields: BlockFields = {
      index: this.indexAt(builtOnPosition) + 1,
      bpm,
      timestamp,
      prevHash: this.hashAt(builtOnPosition),
      validator,
    };
    const tip = this.tipPosition;
    const stale = fields.index !== this.indexAt(tip) + 1 || fields.prevHash !== this.hashAt(tip);
    const hash = blockHash(fields);
    const json = blockJson(fields, hash);
    const position = this.count;
    this.remember(fields.index, hash);
    this.jsonBytes += 2 + json.length; // ", " + block
    return { position, index: fields.index, hash, stale, json };
  }

  /**
   * {@link appendBuiltOn} for a chain that keeps no text: the same position, Index,
   * staleness and byte count, from the lengths of the block's BPM, Timestamp and
   * Validator texts.
   */
  appendCounted(builtOnPosition: number, bpmLength: number, timestampLength: number, validatorLength: number): AppendedBlock {
    if (this.keepsText) throw new Error('Chain.appendCounted: this chain keeps text; use appendBuiltOn');
    const index = this.indexAt(builtOnPosition) + 1;
    const stale = builtOnPosition !== this.tipPosition;
    const position = this.count;
    const indexLength = decimalLength(index);
    const jsonLength = BLOCK_JSON_FRAME + indexLength + bpmLength + timestampLength + 2 * HASH_LENGTH + validatorLength;
    this.remember(index, '');
    this.jsonBytes += 2 + jsonLength;
    return { position, index, hash: '', stale, json: '' };
  }

  private remember(index: number, hash: string): void {
    const slot = this.count % RECENT_CAPACITY;
    this.indexes[slot] = index;
    this.hashes[slot] = hash;
    this.count++;
  }

  private checkRecent(position: number): void {
    if (position < 0 || position >= this.count || position < this.count - RECENT_CAPACITY) {
      throw new RangeError(
        `Chain: block ${position} is not among the ${RECENT_CAPACITY} newest of ${this.count}; ` +
          'a candidate waited longer than the model supports',
      );
    }
  }
}
