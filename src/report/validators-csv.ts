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

/** validators.csv, header included. The raw balance text may hold anything, hence csv-stringify's quoting. */
export function validatorsCsv(rows: readonly ValidatorRow[]): string {
  return stringify(
    rows.map((r) => COLUMNS.map(([key]) => r[key])),
    { header: true, columns: COLUMNS.map(([, name]) => name), cast: { number: ratioText } },
  );
}
