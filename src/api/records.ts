/**
 * The rows of a results folder's CSV files as typed records: each column under its
 * camelCase name (`time_s` -> `timeS`, `p_value` -> `pValue`), numbers as numbers. A
 * number the file leaves empty (not defined: a ratio of zero rounds, a test that needs
 * more data) is NaN.
 */
import { parse } from 'csv-parse/sync';

/** validators.csv: one validator at the end of the run (see the README's table of files). */
export interface ValidatorRecord {
  id: string;
  group: string;
  address: string;
  /** The balance as typed (the seed takes any text). */
  balance: string;
  initialStake: number;
  stake: number;
  blocksSubmitted: number;
  roundsInPool: number;
  wins: number;
  /** Sum over its rounds in the pool of p = stake / pool stake. */
  expectedWins: number;
  winVariance: number;
  /** Initial stake / total initial stake: the seed's claimed p. */
  globalShare: number;
  winShare: number;
  expectedShare: number;
  announcementsReceived: number;
  /** wins / rounds in the pool. */
  winRate: number;
  expectedRate: number;
  /** 95% Wilson interval of the win rate. */
  wilsonLow: number;
  wilsonHigh: number;
  /** The martingale z of wins against expected wins. */
  z: number;
  pValue: number;
  pHolm: number;
  pError: number;
}

/** Concentration of one quantity (`stake`, or `blocks` produced so far) at one sample, its metrics prefixed by its name. */
type Concentration<P extends string> = {
  [K in `${P}Gini` | `${P}Hhi` | `${P}Nakamoto50` | `${P}Nakamoto33` | `${P}Top1` | `${P}Top10` | `${P}EntropyBits` | `${P}Theil`]: number;
};

/** timeseries.csv: concentration of stake and of blocks produced, every `sampleEvery` rounds. */
export type TimeseriesRecord = { round: number; timeS: number; stakeTotal: number } & Concentration<'stake'> & Concentration<'blocks'>;

/** shares.csv: a tracked validator's or group's share of stake and of blocks so far. */
export interface ShareRecord {
  round: number;
  timeS: number;
  series: string;
  stakeShare: number;
  blockShare: number;
}

/** quirks.csv: one sync period (30 s) of the server. */
export interface QuirksRecord {
  timeS: number;
  rounds: number;
  staleBlocks: number;
  /** 1 while the lottery thread lives, 0 once it died. */
  lotteryAlive: number;
  announcementsMade: number;
  announcementsDelivered: number;
  announcementsLost: number;
  syncMessages: number;
  syncBytes: number;
  threads: number;
}

/** replications.csv: one (replication, tracked series). */
export interface ReplicationRecord {
  replication: number;
  seed: number;
  rounds: number;
  stopReason: string;
  tracked: string;
  initialStakeShare: number;
  finalStakeShare: number;
  wins: number;
  winShare: number;
  stakeGini: number;
  stakeNakamoto50: number;
  /** Chi-square p of the replication's wins (NaN: too few rounds). */
  chiSquareP: number;
  /** 1 if that p is above 1%, 0 if not, NaN without it. */
  consistent: number;
  pitP: number;
}

/** rounds.csv: one lottery draw. */
export interface RoundRecord {
  round: number;
  timeS: number;
  poolValidators: number;
  poolStake: number;
  winner: string;
  winnerStake: number;
  winnerP: number;
  blockIndex: number;
  blockPosition: number;
  /** 1 if the appended block was stale (quirk 1). */
  stale: number;
}

/** The columns of each file that hold text; every other column is a number. */
const TEXT_COLUMNS = new Set(['id', 'group', 'address', 'balance', 'series', 'stop_reason', 'tracked', 'winner']);

/** A CSV file's text as records (`T` names the file's columns; see the interfaces above). */
export function csvRecords<T>(text: string): T[] {
  const rows = parse(text, { columns: (header: string[]) => header.map(camelCase), skip_empty_lines: true }) as Record<string, string>[];
  const header = text.slice(0, text.indexOf('\n')).split(',');
  const numeric = header.filter((c) => !TEXT_COLUMNS.has(c)).map(camelCase);
  for (const row of rows) {
    for (const key of numeric) row[key] = (row[key] === '' ? NaN : Number(row[key])) as unknown as string;
  }
  return rows as unknown as T[];
}

/** `entropy_bits` -> `entropyBits`, `stake_nakamoto50` -> `stakeNakamoto50`. */
function camelCase(column: string): string {
  return column.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());
}
