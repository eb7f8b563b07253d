import { readFileSync } from 'node:fs';
import type { ArgumentsCamelCase, Argv, CommandModule } from 'yargs';
import { auditChain, UnknownValidatorError, type ChainAudit } from '../audit/chain-audit.js';
import { ChainTextError, lastChainIn } from '../audit/seed-chain.js';
import { stakesTable, StakesTableError } from '../audit/stakes-table.js';
import { out } from './output.js';
import { UserError } from './user-error.js';
import { fileUnreadable, inFile, speedupOutOfRange } from './messages.js';

interface AuditArgs {
  chain: string;
  stakes: string;
  speedup?: unknown;
  json: boolean;
}

/**
 * `pos-sim audit CHAIN --stakes FILE`: the fairness analysis, stale links and gaps of a
 * chain captured from any server speaking the seed's JSON (see src/audit).
 */
export const auditCommand: CommandModule<object, AuditArgs> = {
  command: 'audit <chain>',
  describe: "check a captured chain (the seed's JSON, or an nc capture of it) against the stakes: fairness, stale links, gaps",
  builder: (y: Argv<object>) =>
    y
      .positional('chain', { type: 'string', demandOption: true, describe: 'chain.json, or a captured nc stream (the last complete array is used)' })
      .option('stakes', { type: 'string', demandOption: true, describe: 'CSV with address and stake columns (pos-sim\'s validators.csv is one)' })
      .option('speedup', { type: 'string', describe: 'the server ran K times faster: gaps are multiplied by K (default 1)' })
      .option('json', { type: 'boolean', default: false, describe: 'print the audit as JSON' }),
  handler: (args: ArgumentsCamelCase<AuditArgs>) => {
    const speedup = speedupOption(args.speedup);
    const chain = readChain(args.chain);
    const stakes = readStakes(args.stakes);
    let audit: ChainAudit;
    try {
      audit = auditChain(chain, stakes, { speedup });
    } catch (error) {
      if (error instanceof UnknownValidatorError) throw new UserError(inFile(args.chain, `${error.message} ${args.stakes}`));
      if (error instanceof RangeError) throw new UserError(inFile(args.chain, error.message));
      throw error;
    }
    out(args.json ? `${JSON.stringify(auditJson(audit))}\n` : auditText(audit));
  },
};

function speedupOption(raw: unknown): number {
  if (raw === undefined) return 1;
  const text = String(raw);
  const value = /^\d+(\.\d+)?$/.test(text) ? Number(text) : NaN;
  if (!(value > 0) || value > 1e6) throw new UserError(speedupOutOfRange(text));
  return value;
}

function readText(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    throw new UserError(fileUnreadable(path, (error as NodeJS.ErrnoException).code ?? (error as Error).message));
  }
}

function readChain(path: string) {
  try {
    return lastChainIn(readText(path));
  } catch (error) {
    if (error instanceof ChainTextError) throw new UserError(inFile(path, error.message));
    throw error;
  }
}

function readStakes(path: string): Map<string, number> {
  try {
    return stakesTable(readText(path));
  } catch (error) {
    if (error instanceof StakesTableError) throw new UserError(inFile(`${path}${error.line > 0 ? `:${error.line}` : ''}`, error.message));
    throw error;
  }
}

function auditJson(audit: ChainAudit) {
  const gaps = audit.gapsSeconds;
  return {
    rounds: audit.rounds,
    staleLinks: audit.staleLinks,
    gaps: { count: gaps.length, meanSeconds: mean(gaps), maxSeconds: gaps.length === 0 ? null : Math.max(...gaps), longGaps: audit.longGaps, longGapSeconds: audit.longGapSeconds },
    verdict: audit.fairness.globalVerdict,
    chiSquareP: audit.fairness.global?.chiSquare.pValue ?? null,
    validators: audit.addresses.map((address, i) => ({
      address,
      wins: audit.wins[i],
      z: audit.fairness.validators[i]?.z,
      pHolm: audit.fairness.validators[i]?.pHolm,
    })),
  };
}

function auditText(audit: ChainAudit): string {
  const gaps = audit.gapsSeconds;
  const lines = [
    `rounds: ${audit.rounds} (blocks after genesis)`,
    `stale links: ${audit.staleLinks} (PrevHash or Index not following the block before)`,
    `gaps between blocks: ${gaps.length}, mean ${fixed(mean(gaps))} s, max ${gaps.length === 0 ? '-' : fixed(Math.max(...gaps))} s, ` +
      `${audit.longGaps} of ${audit.longGapSeconds} s or more`,
    audit.fairness.globalVerdict,
    'address            wins  expected      z  p (Holm)',
    ...audit.addresses.map((address, i) => {
      const v = audit.fairness.validators[i];
      const expected = (v?.expectedRate ?? 0) * audit.rounds;
      return `${address.slice(0, 16)}… ${String(audit.wins[i]).padStart(5)} ${fixed(expected).padStart(9)} ${fixed(v?.z ?? NaN).padStart(6)}  ${fixed(v?.pHolm ?? NaN)}`;
    }),
  ];
  return `${lines.join('\n')}\n`;
}

const mean = (xs: readonly number[]): number | null => (xs.length === 0 ? null : xs.reduce((a, b) => a + b, 0) / xs.length);
const fixed = (x: number | null): string => (x === null || Number.isNaN(x) ? '-' : x.toFixed(3));
