import { wilsonInterval } from '../../stats/index.js';
import { numberOrNull, requiredNumber, requiredText, type CsvRecord } from './results-source.js';

/** The figures of one validators.csv row that the charts use. */
export interface ValidatorStats {
  readonly id: string;
  readonly group: string;
  readonly stake: number;
  readonly roundsInPool: number;
  readonly wins: number;
  readonly expectedWins: number;
  readonly winVariance: number;
  readonly expectedShare: number;
  /** 95% Wilson interval of wins / roundsInPool; null when the validator was never in a pool. */
  readonly wilson: { readonly low: number; readonly high: number } | null;
}

const FILE = 'validators.csv';

/**
 * Reads validators.csv. The Wilson interval is taken from the file's `wilson_low`
 * and `wilson_high` columns; results written before those columns existed get it
 * computed here, the same way.
 */
export async function readValidators(rows: AsyncIterable<CsvRecord>): Promise<ValidatorStats[]> {
  const validators: ValidatorStats[] = [];
  for await (const row of rows) validators.push(validatorStats(row));
  return validators;
}

function validatorStats(row: CsvRecord): ValidatorStats {
  const roundsInPool = requiredNumber(row, 'rounds_in_pool', FILE);
  const wins = requiredNumber(row, 'wins', FILE);
  return {
    id: requiredText(row, 'id', FILE),
    group: requiredText(row, 'group', FILE),
    stake: requiredNumber(row, 'stake', FILE),
    roundsInPool,
    wins,
    expectedWins: requiredNumber(row, 'expected_wins', FILE),
    winVariance: requiredNumber(row, 'win_variance', FILE),
    expectedShare: requiredNumber(row, 'expected_share', FILE),
    wilson: wilsonOf(row, wins, roundsInPool),
  };
}

function wilsonOf(row: CsvRecord, wins: number, trials: number): ValidatorStats['wilson'] {
  if (trials <= 0) return null;
  const low = numberOrNull(row, 'wilson_low');
  const high = numberOrNull(row, 'wilson_high');
  if (low !== null && high !== null) return { low, high };
  const interval = wilsonInterval(wins, trials);
  return { low: interval.lower, high: interval.upper };
}

/** Validators by stake, largest first; ties keep file order (the scenario's), as summary.json's top list does. */
export function byStakeDescending(validators: readonly ValidatorStats[]): ValidatorStats[] {
  return validators
    .map((v, i) => ({ v, i }))
    .sort((a, b) => b.v.stake - a.v.stake || a.i - b.i)
    .map(({ v }) => v);
}
