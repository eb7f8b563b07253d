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
  const columns: ReadColumns = {
    ids: [],
    groups: [],
    stake: [],
    roundsInPool: [],
    wins: [],
    expectedWins: [],
    winVariance: [],
    expectedShare: [],
    wilsonLow: [],
    wilsonHigh: [],
  };
  await readInto(rows, columns);
  const { ids, groups, ...figures } = columns;
  return { count: ids.length, ...figures, idOf: (i) => ids[i] as string, groupOf: (i) => groups[i] as string };
}

type ReadColumns = { ids: string[]; groups: string[] } & { [K in Exclude<keyof ChartValidators, 'count' | 'idOf' | 'groupOf'>]: number[] };

async function readInto(rows: AsyncIterable<CsvRecord>, columns: ReadColumns): Promise<void> {
  // Loop alone in its function (docs/performance.md, "Nothing after a long loop"). The
  // fields are checked in the order the reader of object rows checked them, so that a
  // malformed file gets the same message.
  for await (const row of rows) {
    columns.roundsInPool.push(requiredNumber(row, 'rounds_in_pool', FILE));
    columns.wins.push(requiredNumber(row, 'wins', FILE));
    columns.ids.push(requiredText(row, 'id', FILE));
    columns.groups.push(requiredText(row, 'group', FILE));
    columns.stake.push(requiredNumber(row, 'stake', FILE));
    columns.expectedWins.push(requiredNumber(row, 'expected_wins', FILE));
    columns.winVariance.push(requiredNumber(row, 'win_variance', FILE));
    columns.expectedShare.push(requiredNumber(row, 'expected_share', FILE));
    columns.wilsonLow.push(numberOrNull(row, 'wilson_low') ?? NaN);
    columns.wilsonHigh.push(numberOrNull(row, 'wilson_high') ?? NaN);
  }
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
  gather(validators.stake, which, stakes);
  const order = descendingOrder(stakes);
  toValidators(order, which);
  return order;
}

// Each loop alone in its function (docs/performance.md, "Nothing after a long loop").

/** `out[k] = values[which[k]]`. */
function gather(values: ArrayLike<number>, which: ArrayLike<number>, out: Float64Array): void {
  for (let k = 0; k < which.length; k++) out[k] = values[which[k] as number] as number;
}

/** Positions in `which`, in place, to the validators at them. */
function toValidators(order: Uint32Array, which: ArrayLike<number>): void {
  for (let k = 0; k < order.length; k++) order[k] = which[order[k] as number] as number;
}
