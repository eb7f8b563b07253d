/**
 * What a chain alone says about the server that made it: who won how often against
 * the stakes (pos-sim's fairness analysis), links built on an old tip, and the gaps
 * between blocks. Pure: the caller reads the files.
 *
 * A chain does not say who was in each round's pool, so the fairness analysis takes
 * every address of the stakes table as taking part in every round (p = stake / total,
 * the seed's own claim): the per-round and the global test are then the same.
 */
import { parsePythonDatetimeText } from '../reference/python.js';
import { fairnessAnalysis, type FairnessAnalysis, type ValidatorRecord } from '../stats/fairnessAnalysis.js';
import type { SeedBlock } from './seed-chain.js';
import { elementAt } from '../lists/element-at.js';

export interface ChainAudit {
  /** Blocks after the genesis block: one per lottery round. */
  readonly rounds: number;
  /** Blocks whose PrevHash or Index does not follow the block before them. */
  readonly staleLinks: number;
  /** Seconds between consecutive blocks' Timestamps (genesis included), times the speed-up. */
  readonly gapsSeconds: readonly number[];
  /** Gaps of `longGapSeconds` or more. */
  readonly longGaps: number;
  readonly longGapSeconds: number;
  /** Per address of the stakes table, in its order. */
  readonly addresses: readonly string[];
  readonly wins: readonly number[];
  readonly fairness: FairnessAnalysis;
}

/** Thrown when a block names a validator the stakes table does not hold. */
export class UnknownValidatorError extends Error {}

/**
 * @param chain the blocks, genesis first
 * @param stakes tokens per address
 * @param options speedup: a server run K times faster leaves gaps K times shorter (they are multiplied back); longGapSeconds: the threshold counted
 * @throws UnknownValidatorError naming the first block whose Validator has no stake
 * @example auditChain(chain, new Map([['ab…', 100]])).staleLinks // 0 for a chain whose every block follows its tip
 */
export function auditChain(
  chain: readonly SeedBlock[],
  stakes: ReadonlyMap<string, number>,
  options: { speedup?: number; longGapSeconds?: number } = {},
): ChainAudit {
  const speedup = options.speedup ?? 1;
  const longGapSeconds = options.longGapSeconds ?? 8;
  const addresses = [...stakes.keys()];
  const column = new Map(addresses.map((address, i) => [address, i]));
  const wins = addresses.map(() => 0);
  let staleLinks = 0;
  const gapsSeconds: number[] = [];
  chain.forEach((block, i) => {
    if (i === 0) return;
    const before = chain[i - 1] as SeedBlock;
    if (block.PrevHash !== before.Hash || block.Index !== before.Index + 1) staleLinks++;
    gapsSeconds.push(((parsePythonDatetimeText(block.Timestamp) - parsePythonDatetimeText(before.Timestamp)) / 1e6) * speedup);
    const c = column.get(block.Validator);
    if (c === undefined) throw new UnknownValidatorError(`block ${i}: Validator ${block.Validator} has no stake in the stakes table`);
    wins[c] = elementAt(wins, c, 'validator') + 1;
  });
  const rounds = Math.max(0, chain.length - 1);
  const total = [...stakes.values()].reduce((sum, s) => sum + s, 0);
  const records: ValidatorRecord[] = [...stakes.values()].map((stake, i) => {
    const p = total > 0 ? stake / total : 0;
    return { wins: elementAt(wins, i, 'validator'), expectedWins: rounds * p, winVariance: rounds * p * (1 - p), roundsInPool: rounds, globalShare: p };
  });
  return {
    rounds,
    staleLinks,
    gapsSeconds,
    longGaps: gapsSeconds.filter((g) => g >= longGapSeconds).length,
    longGapSeconds,
    addresses,
    wins,
    fairness: fairnessAnalysis(records, rounds),
  };
}
