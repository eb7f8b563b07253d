import { poissonBinomialPmf } from '../stats/poissonBinomialPmf.js';
import type { MetricSummary } from './metrics.js';

/** The conformance table's own yardstick (see {@link outsideByChance}), for rows or for real runs. */
export interface OutsideByChance {
  /** Rows (or runs) outside. */
  readonly observed: number;
  /** Rows (or runs) a server run like pos-sim's would leave outside, on average. */
  readonly expected: number;
  /** The chance of `observed` outside or more, from such a server. */
  readonly pAtLeast: number;
}

/**
 * The chance that `count` real runs land inside the row's range if the real server
 * behaved exactly as pos-sim's runs do: each run a draw from the seeds' values, inside
 * when it is NaN (as the table counts a real NaN) or within [low, high]. A 95% range
 * holds about 95% of the seeds, so even a perfect model leaves some rows outside.
 */
export function chanceInside(simulated: readonly number[], range: Pick<MetricSummary, 'low' | 'high'>, count: number): number {
  if (simulated.length === 0) return 1;
  let inside = 0;
  for (const v of simulated) if (isInside(v, range)) inside++;
  return (inside / simulated.length) ** count;
}

/**
 * The share of pos-sim's seeds with every metric inside its row's range: the chance
 * that one real run, drawn as pos-sim's are, misses nowhere. Counting real runs instead
 * of rows takes in that one run's metrics hang together (a run that breaks down misses
 * on several at once).
 */
export function shareAllInside<K extends string>(seeds: ReadonlyArray<Readonly<Record<K, number>>>, ranges: Readonly<Record<K, Pick<MetricSummary, 'low' | 'high'>>>): number {
  if (seeds.length === 0) return 1;
  const keys = Object.keys(ranges) as K[];
  let inside = 0;
  for (const seed of seeds) if (keys.every((k) => isInside(seed[k], ranges[k]))) inside++;
  return inside / seeds.length;
}

/** How the table counts a value: inside if it is NaN (not measured) or within [low, high] (to rounding). */
export function isInside(value: number, range: Pick<MetricSummary, 'low' | 'high'>): boolean {
  return Number.isNaN(value) || (value >= range.low - 1e-9 && value <= range.high + 1e-9);
}

/**
 * How many rows outside their range a server run like pos-sim's would give, and the
 * chance of at least as many as `observed`: the rows as independent trials, each
 * outside with 1 - its {@link chanceInside}. Rows of one real run are not independent
 * (a run that breaks down misses on several metrics at once), which widens the true
 * spread; given real runs and their {@link shareAllInside} instead, it counts runs,
 * which are. A yardstick, not a test to pass.
 */
export function outsideByChance(chancesInside: readonly number[], observed: number): OutsideByChance {
  const outside = chancesInside.map((q) => 1 - q);
  const masses = poissonBinomialPmf(outside);
  let pAtLeast = 0;
  for (let k = Math.max(0, observed); k < masses.length; k++) pAtLeast += masses[k] as number;
  return { observed, expected: outside.reduce((a, b) => a + b, 0), pAtLeast: Math.min(1, pAtLeast) };
}
