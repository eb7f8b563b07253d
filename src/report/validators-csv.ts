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
  ['pError', 'p_error'],
];

/**
 * Rows stringified per chunk: one csv-stringify call over 100,000 rows held ~230 MB at
 * once, and chunks over ~256 KB of text are allocated straight into the old generation,
 * where they pile up until a full collection (2,000-row chunks still cost 180 MB at
 * 100,000 validators); 200 rows stay small enough to die young.
 */
const ROWS_PER_CHUNK = 200;

/** What makes csv-stringify quote a field (delimiter, quote, record delimiters). */
const NEEDS_QUOTING = /[",\r\n]/;

/**
 * validators.csv in pieces, header first; concatenated they are the file. The raw
 * balance text may hold anything, hence csv-stringify's quoting for a row with a field
 * that needs it; other rows are joined by hand, as csv-stringify would write them (its
 * per-field work was a tenth of a 100,000-validator run).
 */
export function* validatorsCsvChunks(rows: Iterable<ValidatorRow>): Generator<string> {
  const options = { columns: COLUMNS.map(([, name]) => name), cast: { number: ratioText } };
  yield stringify([], { ...options, header: true });
  let chunk = '';
  let inChunk = 0;
  for (const r of rows) {
    const line = plainLine(r);
    chunk += line ?? stringify([COLUMNS.map(([key]) => r[key])], options);
    if (++inChunk === ROWS_PER_CHUNK) {
      yield chunk;
      chunk = '';
      inChunk = 0;
    }
  }
  if (inChunk > 0) yield chunk;
}

/** The row's CSV line if no field needs quoting, else null. */
function plainLine(r: ValidatorRow): string | null {
  let line = '';
  for (let k = 0; k < COLUMNS.length; k++) {
    const field = r[(COLUMNS[k] as [keyof ValidatorRow, string])[0]];
    if (typeof field === 'string' && NEEDS_QUOTING.test(field)) return null;
    const text = typeof field === 'number' ? ratioText(field) : field;
    line += k === 0 ? text : `,${text}`;
  }
  return `${line}\n`;
}
