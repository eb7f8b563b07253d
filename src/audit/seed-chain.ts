/**
 * A chain as any server speaking the seed's JSON sends it: the array `json.dumps(chain)`
 * writes (pos-sim's own chain.json is one), or a captured `nc` stream in which several
 * such arrays sit among prompts and announcements. The last complete array is the chain.
 */

/** A block as the seed writes it (the fields the audit reads). */
export interface SeedBlock {
  readonly Index: number;
  readonly Timestamp: string;
  readonly BPM: unknown;
  readonly PrevHash: string;
  readonly Validator: string;
  readonly Hash: string;
}

/** Why a text holds no chain, for the caller to name its file. */
export class ChainTextError extends Error {}

const ARRAY_START = /\[\s*\{\s*"Index"/g;

/**
 * The last complete array of blocks in `text`.
 * @throws ChainTextError if there is none, or if the last one is not a list of seed blocks (naming the block and field)
 * @example lastChainIn('Enter a new BPM:[{"Index": 0, ...}]\n') // the one block
 */
export function lastChainIn(text: string): SeedBlock[] {
  let last: unknown[] | null = null;
  for (const match of text.matchAll(ARRAY_START)) {
    const end = matchingBracket(text, match.index);
    if (end < 0) continue; // cut off: the capture ended inside this array
    try {
      last = JSON.parse(text.slice(match.index, end + 1)) as unknown[];
    } catch {
      continue;
    }
  }
  if (last === null) throw new ChainTextError('no complete JSON array of blocks (a "[{"Index": ...}]" as the seed sends it) was found');
  return last.map(checkBlock);
}

/** The index of the `]` closing the array that opens at `start`, or -1; brackets inside strings do not count. */
function matchingBracket(text: string, start: number): number {
  let depth = 0;
  let inString = false;
  for (let i = start; i < text.length; i++) {
    const ch = text[i];
    if (inString) {
      if (ch === '\\') i++;
      else if (ch === '"') inString = false;
    } else if (ch === '"') inString = true;
    else if (ch === '[' || ch === '{') depth++;
    else if (ch === ']' || ch === '}') {
      depth--;
      if (depth === 0) return ch === ']' ? i : -1;
    }
  }
  return -1;
}

function checkBlock(value: unknown, position: number): SeedBlock {
  const where = `block ${position}`;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new ChainTextError(`${where}: expected an object, got ${JSON.stringify(value)}`);
  const block = value as Record<string, unknown>;
  if (!Number.isInteger(block['Index'])) throw new ChainTextError(`${where}.Index: expected an integer, got ${JSON.stringify(block['Index'])}`);
  for (const field of ['Timestamp', 'PrevHash', 'Validator', 'Hash'] as const) {
    if (typeof block[field] !== 'string') throw new ChainTextError(`${where}.${field}: expected a string, got ${JSON.stringify(block[field])}`);
  }
  return block as unknown as SeedBlock;
}
