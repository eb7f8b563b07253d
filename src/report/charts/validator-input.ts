import { descendingOrder, wilsonInterval } from '../../stats/index.js';
import { numberOrNull, requiredNumber, requiredText, type CsvRecord } from './results-source.js';

/**
 * The figures of validators.csv that the charts use, one column per figure, one entry
 * per validator in file (scenario) order. Columns, not an object per validator: a run
 * of a million validators gives the charts a million of them, and the report of a
 * `pos-sim run` takes them from the run's own columns without reading the file back.
 */
export interface ChartValidators {
  readonly count: number;
  readonly stake: ArrayLike<number>;
  readonly roundsInPool: ArrayLike<number>;
  readonly wins: ArrayLike<number>;
  readonly expectedWins: ArrayLike<number>;
  readonly winVariance: ArrayLike<number>;
  readonly expectedShare: ArrayLike<number>;
  /** The 95% Wilson interval of wins / roundsInPool as the file has it; not finite where it has none. */
  readonly wilsonLow: ArrayLike<number>;
  readonly wilsonHigh: ArrayLike<number>;
  idOf(i: number): string;
  groupOf(i: number): string;
}

const FILE = 'validators.csv';

/** Reads validators.csv's rows into columns. */
export async function readValidators(rows: AsyncIterable<CsvRecord>): Promise<ChartValidators> {
  const ids: string[] = [];
  const groups: string[] = [];
  const columns = {
    stake: [] as number[],
    roundsInPool: [] as number[],
    wins: [] as number[],
    expectedWins: [] as number[],
    winVariance: [] as number[],
    expectedShare: [] as number[],
    wilsonLow: [] as number[],
    wilsonHigh: [] as number[],
  };
  for await (const row of rows) {
    ids.push(requiredText(row, 'id', FILE));
    groups.push(requiredText(row, 'group', FILE));
    columns.stake.push(requiredNumber(row, 'stake', FILE));
    columns.roundsInPool.push(requiredNumber(row, 'rounds_in_pool', FILE));
    columns.wins.push(requiredNumber(row, 'wins', FILE));
    columns.expectedWins.push(requiredNumber(row, 'expected_wins', FILE));
    columns.winVariance.push(requiredNumber(row, 'win_variance', FILE));
    columns.expectedShare.push(requiredNumber(row, 'expected_share', FILE));
    columns.wilsonLow.push(numberOrNull(row, 'wilson_low') ?? NaN);
    columns.wilsonHigh.push(numberOrNull(row, 'wilson_high') ?? NaN);
  }
  return { count: ids.length, ...columns, idOf: (i) => ids[i] as string, groupOf: (i) => groups[i] as string };
}

/**
 * Validator i's 95% Wilson interval of wins / rounds in the pool: the file's, or (for
 * results written before validators.csv had it) computed the same way; null when it
 * was never in a pool.
 */
export function wilsonOf(validators: ChartValidators, i: number): { low: number; high: number } | null {
  const trials = validators.roundsInPool[i] as number;
  if (trials <= 0) return null;
  const low = validators.wilsonLow[i] as number;
  const high = validators.wilsonHigh[i] as number;
  if (Number.isFinite(low) && Number.isFinite(high)) return { low, high };
  const interval = wilsonInterval(validators.wins[i] as number, trials);
  return { low: interval.lower, high: interval.upper };
}

/**
 * The given validators (all when `which` is absent) by stake, largest first; ties keep
 * file order (the scenario's), as summary.json's top list does.
 */
export function byStakeDescending(validators: ChartValidators, which?: ArrayLike<number>): Uint32Array {
  if (which === undefined) return descendingOrder(validators.stake);
  const stakes = new Float64Array(which.length);
  for (let k = 0; k < which.length; k++) stakes[k] = validators.stake[which[k] as number] as number;
  const order = descendingOrder(stakes);
  for (let k = 0; k < order.length; k++) order[k] = which[order[k] as number] as number;
  return order;
}
