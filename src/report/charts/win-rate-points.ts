import { wilsonInterval } from '../../stats/index.js';
import { byStakeDescending, wilsonOf, type ChartValidators } from './validator-input.js';

/** One point of the win-rate chart: a validator, or validators of one group pooled by expected rate. */
export interface WinRatePoint {
  readonly label: string;
  readonly group: string;
  readonly pooled: boolean;
  readonly validators: number;
  readonly expectedRate: number;
  readonly winRate: number;
  readonly wilsonLow: number;
  readonly wilsonHigh: number;
}

export interface WinRatePoints {
  readonly points: WinRatePoint[];
  /** Validators not drawn because they were never in a pool or had no stake (no rate to compare). */
  readonly withoutRate: number;
  /** How many validators were pooled into bins (0 when every validator has its own point). */
  readonly pooledValidators: number;
}

/** Up to this many validators each get a point; beyond it the picture would be a blot. */
export const MAX_INDIVIDUAL_POINTS = 200;
/** With more validators, the largest stakes keep their own point... */
export const TOP_INDIVIDUAL_POINTS = 20;
/** ...and the rest are pooled per group into bins this fine on the log axis. */
export const BINS_PER_DECADE = 8;

/**
 * The points of the win-rate chart. Validators beyond the largest few are pooled
 * per group and per bin of expected rate: the pooled rate is Σwins / Σrounds in
 * pool against Σexpected wins / Σrounds in pool, with a Wilson interval on the
 * pooled counts. Within a bin the p differ by under a factor 10^(1/8), so the
 * pooled wins are close to binomial (slightly less spread: the interval is if
 * anything conservative). Only the picture is pooled; the tables and files keep
 * every validator.
 */
export function winRatePoints(validators: ChartValidators): WinRatePoints {
  const rated = ratedValidators(validators);
  const withoutRate = validators.count - rated.length;
  if (rated.length <= MAX_INDIVIDUAL_POINTS) {
    return { points: Array.from(rated, (i) => validatorPoint(validators, i)), withoutRate, pooledValidators: 0 };
  }
  const sorted = byStakeDescending(validators, rated);
  const individual = Array.from(sorted.subarray(0, TOP_INDIVIDUAL_POINTS), (i) => validatorPoint(validators, i));
  const rest = sorted.subarray(TOP_INDIVIDUAL_POINTS);
  return { points: [...individual, ...pooledPoints(validators, rest)], withoutRate, pooledValidators: rest.length };
}

/** The validators with a rate to compare: in a pool at least once, with some expected wins. */
function ratedValidators(validators: ChartValidators): Uint32Array {
  const rated = new Uint32Array(validators.count);
  return rated.subarray(0, listRated(validators, rated));
}

/** Writes the rated validators' indices into `out`; returns how many. */
function listRated(validators: ChartValidators, out: Uint32Array): number {
  // Loop alone in its function (docs/performance.md, "Nothing after a long loop").
  let count = 0;
  for (let i = 0; i < validators.count; i++) {
    if ((validators.roundsInPool[i] as number) > 0 && (validators.expectedWins[i] as number) > 0) out[count++] = i;
  }
  return count;
}

function validatorPoint(validators: ChartValidators, i: number): WinRatePoint {
  // A rated validator was in a pool, so it has an interval.
  const { low, high } = wilsonOf(validators, i) as { low: number; high: number };
  const trials = validators.roundsInPool[i] as number;
  return {
    label: validators.idOf(i),
    group: validators.groupOf(i),
    pooled: false,
    validators: 1,
    expectedRate: (validators.expectedWins[i] as number) / trials,
    winRate: (validators.wins[i] as number) / trials,
    wilsonLow: low,
    wilsonHigh: high,
  };
}

interface Pool {
  group: string;
  bin: number;
  validators: number;
  wins: number;
  trials: number;
  expectedWins: number;
}

/** The validators `which`, pooled per group and bin, summed in the order given. */
function pooledPoints(validators: ChartValidators, which: Uint32Array): WinRatePoint[] {
  const pools = new Map<string, Pool>();
  addToPools(validators, which, pools);
  return [...pools.values()]
    .sort((a, b) => (a.group < b.group ? -1 : a.group > b.group ? 1 : a.bin - b.bin))
    .map((pool) => {
      const interval = wilsonInterval(pool.wins, pool.trials);
      return {
        label: `${pool.validators} of ${pool.group}`,
        group: pool.group,
        pooled: true,
        validators: pool.validators,
        expectedRate: pool.expectedWins / pool.trials,
        winRate: pool.wins / pool.trials,
        wilsonLow: interval.lower,
        wilsonHigh: interval.upper,
      };
    });
}

function addToPools(validators: ChartValidators, which: Uint32Array, pools: Map<string, Pool>): void {
  // Loop alone in its function (docs/performance.md, "Nothing after a long loop").
  // Members of a group are mostly neighbours in the file, and neighbours in stake order
  // mostly share a bin: the key is made and looked up only when group or bin changes.
  let group = '';
  let bin = NaN;
  let pool: Pool | undefined;
  for (let k = 0; k < which.length; k++) {
    const i = which[k] as number;
    const trials = validators.roundsInPool[i] as number;
    const expectedWins = validators.expectedWins[i] as number;
    const iGroup = validators.groupOf(i);
    const iBin = Math.floor(Math.log10(expectedWins / trials) * BINS_PER_DECADE);
    if (pool === undefined || iGroup !== group || iBin !== bin) {
      group = iGroup;
      bin = iBin;
      pool = poolOf(pools, group, bin);
    }
    pool.validators++;
    pool.wins += validators.wins[i] as number;
    pool.trials += trials;
    pool.expectedWins += expectedWins;
  }
}

function poolOf(pools: Map<string, Pool>, group: string, bin: number): Pool {
  const key = `${group}\u0000${bin}`;
  let pool = pools.get(key);
  if (!pool) {
    pool = { group, bin, validators: 0, wins: 0, trials: 0, expectedWins: 0 };
    pools.set(key, pool);
  }
  return pool;
}
