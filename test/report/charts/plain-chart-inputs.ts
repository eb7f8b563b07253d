/**
 * The plain references of the charts' validator inputs: the object-per-validator code
 * the columns replaced (one object per validators.csv row, comparator sorts), kept
 * here to test the columns against, record for record.
 */
import { wilsonInterval } from '../../../src/stats/index.js';
import { countText } from '../../../src/report/charts/number-text.js';
import type { ShareSeries } from '../../../src/report/charts/running-share-series.js';
import type { ReportSummary } from '../../../src/report/charts/summary-input.js';
import type { ChartValidators } from '../../../src/report/charts/validator-input.js';
import { BINS_PER_DECADE, MAX_INDIVIDUAL_POINTS, TOP_INDIVIDUAL_POINTS, type WinRatePoint, type WinRatePoints } from '../../../src/report/charts/win-rate-points.js';
import { MAX_GROUP_SERIES, MAX_VALIDATOR_SERIES } from '../../../src/report/charts/running-share-series.js';

export interface ValidatorStats {
  readonly id: string;
  readonly group: string;
  readonly stake: number;
  readonly roundsInPool: number;
  readonly wins: number;
  readonly expectedWins: number;
  readonly winVariance: number;
  readonly expectedShare: number;
  readonly wilson: { readonly low: number; readonly high: number } | null;
}

/** The objects the old reader made of validators.csv, from the columns. */
export function statsObjects(v: ChartValidators): ValidatorStats[] {
  return Array.from({ length: v.count }, (_, i) => {
    const roundsInPool = v.roundsInPool[i] as number;
    const wins = v.wins[i] as number;
    const low = v.wilsonLow[i] as number;
    const high = v.wilsonHigh[i] as number;
    const wilson =
      roundsInPool <= 0
        ? null
        : Number.isFinite(low) && Number.isFinite(high)
          ? { low, high }
          : (({ lower, upper }) => ({ low: lower, high: upper }))(wilsonInterval(wins, roundsInPool));
    return {
      id: v.idOf(i),
      group: v.groupOf(i),
      stake: v.stake[i] as number,
      roundsInPool,
      wins,
      expectedWins: v.expectedWins[i] as number,
      winVariance: v.winVariance[i] as number,
      expectedShare: v.expectedShare[i] as number,
      wilson,
    };
  });
}

function byStakeDescending(validators: readonly ValidatorStats[]): ValidatorStats[] {
  return validators
    .map((v, i) => ({ v, i }))
    .sort((a, b) => b.v.stake - a.v.stake || a.i - b.i)
    .map(({ v }) => v);
}

export function plainWinRatePoints(validators: readonly ValidatorStats[]): WinRatePoints {
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

const WHOLE_POPULATION = 0.9999;

export function plainRunningShareSeries(summary: ReportSummary, validators: readonly ValidatorStats[]): ShareSeries[] {
  const rounds = summary.rounds;
  const top = byStakeDescending(validators)
    .filter((v) => followable(v.expectedShare))
    .slice(0, MAX_VALIDATOR_SERIES);
  const topIds = new Set(top.map((v) => v.id));
  const membersOf = new Map<string, Set<string>>();
  for (const v of validators) {
    const members = membersOf.get(v.group) ?? new Set<string>();
    members.add(v.id);
    membersOf.set(v.group, members);
  }
  const groups =
    summary.groups.length < 2
      ? []
      : [...summary.groups]
          .sort((a, b) => b.stake - a.stake)
          .filter((g) => !(g.validators === 1 && [...(membersOf.get(g.group) ?? [])].every((id) => topIds.has(id))))
          .filter((g) => followable(g.expectedShare))
          .slice(0, MAX_GROUP_SERIES)
          .map((g) => ({
            label: `${g.group} (group of ${countText(g.validators)})`,
            group: g.group,
            members: membersOf.get(g.group) ?? new Set<string>(),
            expectedShare: g.expectedShare,
            meanVariance: g.winVariance / rounds,
          }));
  const singles = top.map((v) => ({
    label: v.id,
    group: v.group,
    members: new Set([v.id]),
    expectedShare: v.expectedShare,
    meanVariance: v.winVariance / rounds,
  }));
  return [...groups, ...singles];
}

function followable(expectedShare: number): boolean {
  return expectedShare > 0 && expectedShare < WHOLE_POPULATION;
}
