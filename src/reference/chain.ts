/** The seed's blocks and chain, as text: every block is hashed and written out in full. */
import { sha256Hex } from './python.js';

export interface Block {
  readonly index: number;
  readonly bpm: number;
  readonly timestamp: string;
  readonly prevHash: string;
  readonly validator: string;
  readonly hash: string;
  /** `json.dumps(block)`. */
  readonly json: string;
}

/** `calculateHash`: sha256 of str(Index) + str(BPM) + Timestamp + PrevHash (the Validator is not hashed). */
function hashOf(index: number, bpm: number, timestamp: string, prevHash: string): string {
  return sha256Hex(`${index}${bpm}${timestamp}${prevHash}`);
}

/** The genesis block; `json.dumps` writes its keys in the order the seed's dict literal has them. */
export function genesisBlock(timestamp: string): Block {
  const hash = hashOf(0, 0, timestamp, '');
  const json = `{"Index": 0, "Timestamp": "${timestamp}", "BPM": 0, "PrevHash": "", "Validator": "", "Hash": "${hash}"}`;
  return { index: 0, bpm: 0, timestamp, prevHash: '', validator: '', hash, json };
}

/** `generate_block(oldBlock, BPM, address)`: a block built on `previous`, stamped `timestamp`. */
export function generateBlock(previous: Block, bpm: number, timestamp: string, validator: string): Block {
  const index = previous.index + 1;
  const prevHash = previous.hash;
  const hash = hashOf(index, bpm, timestamp, prevHash);
  const json =
    `{"Index": ${index}, "BPM": ${bpm}, "Timestamp": "${timestamp}", "PrevHash": "${prevHash}", ` +
    `"Validator": "${validator}", "Hash": "${hash}"}`;
  return { index, bpm, timestamp, prevHash, validator, hash, json };
}

/** `is_block_valid(block, tip)`: the block follows the tip. */
export function follows(block: Block, tip: Block): boolean {
  return block.index === tip.index + 1 && block.prevHash === tip.hash;
}

/** `json.dumps(chain)`: the blocks joined by ", " between brackets. */
export function chainJson(chain: readonly Block[]): string {
  return `[${chain.map((b) => b.json).join(', ')}]`;
}
