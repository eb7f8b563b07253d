import type { RoundRecord } from '../model/records.js';
import { COMMA, NEWLINE, type TextBytes } from './text-bytes.js';

/** rounds.csv's columns (stale: 1 if the appended block was stale); the reader's RoundRecord is derived from them. */
export const ROUNDS_CSV_COLUMNS = [
  'round', 'time_s', 'pool_validators', 'pool_stake', 'winner', 'winner_stake', 'winner_p', 'block_index', 'block_position', 'stale',
] as const;
export const ROUNDS_CSV_HEADER = `${ROUNDS_CSV_COLUMNS.join(',')}\n`;

/**
 * Writes one rounds.csv line: `round,time_s,...,stale` of {@link ROUNDS_CSV_HEADER},
 * numbers as `${x}`. Written field by field rather than through csv-stringify because
 * this runs once per round, and no field can need quoting: validator ids are
 * restricted to [A-Za-z0-9_.-] by the scenario schema and every other field is a number.
 */
export function writeRoundCsvLine(r: RoundRecord, winnerId: string, out: TextBytes): void {
  out.number(r.round).char(COMMA).seconds(r.timeUs).char(COMMA);
  out.number(r.poolValidators).char(COMMA).number(r.poolStake).char(COMMA);
  out.text(winnerId).char(COMMA).number(r.winnerStake).char(COMMA).ratio(r.winnerP).char(COMMA);
  out.number(r.blockIndex).char(COMMA).number(r.blockPosition).char(COMMA).number(r.stale ? 1 : 0).char(NEWLINE);
}
