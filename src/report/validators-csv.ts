import { stringify } from 'csv-stringify/sync';
import { ratioText } from './format.js';
import type { ValidatorRow } from './validator-table.js';

const COLUMNS: ReadonlyArray<[keyof ValidatorRow, string]> = [
  ['id', 'id'],
  ['group', 'group'],
  ['address', 'address'],
  ['balance', 'balance'],
  ['initialStake', 'initial_stake'],
  ['stake', 'stake'],
  ['blocksSubmitted', 'blocks_submitted'],
  ['roundsInPool', 'rounds_in_pool'],
  ['wins', 'wins'],
  ['expectedWins', 'expected_wins'],
  ['winVariance', 'win_variance'],
  ['globalShare', 'global_share'],
  ['winShare', 'win_share'],
  ['expectedShare', 'expected_share'],
  ['announcementsReceived', 'announcements_received'],
  ['winRate', 'win_rate'],
  ['expectedRate', 'expected_rate'],
  ['wilsonLow', 'wilson_low'],
  ['wilsonHigh', 'wilson_high'],
  ['z', 'z'],
  ['pValue', 'p_value'],
  ['pHolm', 'p_holm'],
];

/**
 * Rows stringified per chunk: one csv-stringify call over 100,000 rows held ~230 MB at
 * once, and chunks over ~256 KB of text are allocated straight into the old generation,
 * where they pile up until a full collection (2,000-row chunks still cost 180 MB at
 * 100,000 validators); 200 rows stay small enough to die young.
 */
const ROWS_PER_CHUNK = 200;

/**
 * validators.csv in pieces, header first; concatenated they are the file. The raw
 * balance text may hold anything, hence csv-stringify's quoting.
 */
export function* validatorsCsvChunks(rows: Iterable<ValidatorRow>): Generator<string> {
  const options = { columns: COLUMNS.map(([, name]) => name), cast: { number: ratioText } };
  yield stringify([], { ...options, header: true });
  let chunk: unknown[][] = [];
  for (const r of rows) {
    chunk.push(COLUMNS.map(([key]) => r[key]));
    if (chunk.length === ROWS_PER_CHUNK) {
      yield stringify(chunk, options);
      chunk = [];
    }
  }
  if (chunk.length > 0) yield stringify(chunk, options);
}

/** validators.csv as one string (small tables, tests). */
export function validatorsCsv(rows: Iterable<ValidatorRow>): string {
  return [...validatorsCsvChunks(rows)].join('');
}
