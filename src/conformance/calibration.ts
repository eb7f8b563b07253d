import { poissonBinomialPmf } from '../stats/poissonBinomialPmf.js';
import type { MetricSummary } from './metrics.js';

/** The conformance table's own yardstick (see {@link rowsOutsideByChance}). */
export interface RowsOutsideByChance {
  /** Rows outside their range. */
  readonly observed: number;
  /** Rows a server run like pos-sim's would leave outside, on average. */
  readonly expected: number;
  /** The chance of `observed` rows outside or more, from such a server. */
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

/** How the table counts a value: inside if it is NaN (not measured) or within [low, high] (to rounding). */
export function isInside(value: number, range: Pick<MetricSummary, 'low' | 'high'>): boolean {
  return Number.isNaN(value) || (value >= range.low - 1e-9 && value <= range.high + 1e-9);
}

/**
 * How many rows outside their range a server run like pos-sim's would give, and the
 * chance of at least as many as `observed`: the rows as independent trials, each
 * outside with 1 - its {@link chanceInside}. Rows of one real run are not independent
 * (a run that breaks down misses on several metrics at once), which widens the true
 * spread; the figure is a yardstick, not a test to pass.
 */
export function rowsOutsideByChance(chancesInside: readonly number[], observed: number): RowsOutsideByChance {
  const outside = chancesInside.map((q) => 1 - q);
  const masses = poissonBinomialPmf(outside);
  let pAtLeast = 0;
  for (let k = Math.max(0, observed); k < masses.length; k++) pAtLeast += masses[k] as number;
  return { observed, expected: outside.reduce((a, b) => a + b, 0), pAtLeast: Math.min(1, pAtLeast) };
}
