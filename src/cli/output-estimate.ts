import { statfsSync } from 'node:fs';
import { minimalRoundSeconds } from '../scenario/run-bounds.js';
import type { ResolvedScenario } from '../scenario/types.js';
import { sampleCadence } from '../run/run-recorder.js';

/** Bytes per row, as measured on whales and compounding runs (rounded up). */
const ROW_BYTES = {
  rounds: 75,
  quirks: 60,
  timeseries: 260,
  shares: 60,
  validators: 300,
  chainBlock: 320,
  replication: 140,
} as const;

/** summary.json, manifest.json and the CSV headers, whatever the run's size. */
const FIXED_BYTES = 8_000;

/** Above this, a run says how much it will write before it starts. */
export const LARGE_OUTPUT_BYTES = 1e9;

export interface OutputEstimate {
  readonly bytes: number;
  /** The largest files, e.g. "rounds.csv ~1.4 GB", largest first. */
  readonly parts: readonly string[];
}

/**
 * About how much a run will write, from its length and size alone: rounds are the
 * rounds asked for, or (for a duration) one per lottery period (per intake period in
 * literal mode); sync periods cover the run's time. An upper estimate for runs that
 * end early (a dead lottery thread), and the charts are not counted (they are small).
 */
export function estimateOutput(
  scenario: ResolvedScenario,
  options: { chain: boolean; replications: number; tracked: number },
): OutputEstimate {
  const roundSeconds = minimalRoundSeconds(scenario);
  const durationSeconds = scenario.durationUs !== null ? scenario.durationUs / 1e6 : (scenario.rounds ?? 0) * roundSeconds;
  const rounds = Math.min(scenario.rounds ?? Infinity, durationSeconds / roundSeconds);
  const samples = rounds / sampleCadence(scenario);
  const files: Array<[string, number]> = [
    ['rounds.csv', rounds * ROW_BYTES.rounds],
    ['quirks.csv', (durationSeconds / (scenario.timings.syncUs / 1e6)) * ROW_BYTES.quirks],
    ['timeseries.csv', samples * ROW_BYTES.timeseries],
    ['shares.csv', samples * options.tracked * ROW_BYTES.shares],
    ['validators.csv', scenario.validators.length * ROW_BYTES.validators],
    ['chain.json', options.chain ? rounds * ROW_BYTES.chainBlock : 0],
    ['replications.csv', options.replications > 1 ? options.replications * options.tracked * ROW_BYTES.replication : 0],
  ];
  const bytes = files.reduce((sum, [, b]) => sum + b, FIXED_BYTES);
  const parts = files
    .filter(([, b]) => b >= bytes / 10)
    .sort((a, b) => b[1] - a[1])
    .map(([name, b]) => `${name} ~${sizeText(b)}`);
  return { bytes, parts };
}

/** Free bytes for an unprivileged writer on the file system holding `dir` (null if it cannot be told). */
export function freeBytes(dir: string): number | null {
  try {
    const stats = statfsSync(dir);
    // A pseudo file system (/proc, /sys) has no blocks at all: its space cannot be told.
    return stats.blocks === 0 ? null : stats.bavail * stats.bsize;
  } catch {
    return null;
  }
}

export function sizeText(bytes: number): string {
  const units = ['B', 'kB', 'MB', 'GB', 'TB', 'PB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit++;
  }
  return `${unit === 0 ? Math.round(value) : value.toFixed(1)} ${units[unit]}`;
}
