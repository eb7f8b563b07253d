import { wilsonInterval } from '../../stats/index.js';
import { byStakeDescending, type ValidatorStats } from './validator-input.js';

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
export function winRatePoints(validators: readonly ValidatorStats[]): WinRatePoints {
  const rated = validators.filter((v) => v.roundsInPool > 0 && v.expectedWins > 0);
  const withoutRate = validators.length - rated.length;
  if (rated.length <= MAX_INDIVIDUAL_POINTS) {
    return { points: rated.map(validatorPoint), withoutRate, pooledValidators: 0 };
  }
  const sorted = byStakeDescending(rated);
  const individual = sorted.slice(0, TOP_INDIVIDUAL_POINTS).map(validatorPoint);
  const rest = sorted.slice(TOP_INDIVIDUAL_POINTS);
  return { points: [...individual, ...pooledPoints(rest)], withoutRate, pooledValidators: rest.length };
}

function validatorPoint(v: ValidatorStats): WinRatePoint {
  const { low, high } = v.wilson ?? wilsonOf(v.wins, v.roundsInPool);
  return {
    label: v.id,
    group: v.group,
    pooled: false,
    validators: 1,
    expectedRate: v.expectedWins / v.roundsInPool,
    winRate: v.wins / v.roundsInPool,
    wilsonLow: low,
    wilsonHigh: high,
  };
}

function wilsonOf(wins: number, trials: number): { low: number; high: number } {
  const interval = wilsonInterval(wins, trials);
  return { low: interval.lower, high: interval.upper };
}

interface Pool {
  group: string;
  bin: number;
  validators: number;
  wins: number;
  trials: number;
  expectedWins: number;
}

function pooledPoints(validators: readonly ValidatorStats[]): WinRatePoint[] {
  const pools = new Map<string, Pool>();
  for (const v of validators) {
    const bin = Math.floor(Math.log10(v.expectedWins / v.roundsInPool) * BINS_PER_DECADE);
    const key = `${v.group}\u0000${bin}`;
    let pool = pools.get(key);
    if (!pool) {
      pool = { group: v.group, bin, validators: 0, wins: 0, trials: 0, expectedWins: 0 };
      pools.set(key, pool);
    }
    pool.validators++;
    pool.wins += v.wins;
    pool.trials += v.roundsInPool;
    pool.expectedWins += v.expectedWins;
  }
  return [...pools.values()]
    .sort((a, b) => (a.group < b.group ? -1 : a.group > b.group ? 1 : a.bin - b.bin))
    .map((pool) => {
      const { low, high } = wilsonOf(pool.wins, pool.trials);
      return {
        label: `${pool.validators} of ${pool.group}`,
        group: pool.group,
        pooled: true,
        validators: pool.validators,
        expectedRate: pool.expectedWins / pool.trials,
        winRate: pool.wins / pool.trials,
        wilsonLow: low,
        wilsonHigh: high,
      };
    });
}
