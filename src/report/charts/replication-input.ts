import { requiredNumber, requiredText, type CsvRecord } from './results-source.js';

/** One (replication, tracked series) row of replications.csv, as far as the chart needs it. */
export interface ReplicationOutcome {
  readonly series: string;
  readonly rounds: number;
  readonly wins: number;
  readonly initialShare: number;
  readonly finalShare: number;
}

const FILE = 'replications.csv';

export async function readReplications(rows: AsyncIterable<CsvRecord>): Promise<ReplicationOutcome[]> {
  const out: ReplicationOutcome[] = [];
  for await (const row of rows) {
    out.push({
      series: requiredText(row, 'tracked', FILE),
      rounds: requiredNumber(row, 'rounds', FILE),
      wins: requiredNumber(row, 'wins', FILE),
      initialShare: requiredNumber(row, 'initial_stake_share', FILE),
      finalShare: requiredNumber(row, 'final_stake_share', FILE),
    });
  }
  return out;
}
