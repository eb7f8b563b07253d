import type { RoundRecord } from '../model/records.js';
import { ratioText, secondsText } from './format.js';

export const ROUNDS_CSV_HEADER =
  'round,time_s,pool_validators,pool_stake,winner,winner_stake,winner_p,block_index,block_position,stale\n';

/**
 * One rounds.csv line. Joined by hand rather than through csv-stringify because this
 * runs once per round, and no field can need quoting: validator ids are restricted to
 * [A-Za-z0-9_.-] by the scenario schema and every other field is a number.
 */
export function roundCsvLine(r: RoundRecord, validatorIds: readonly string[]): string {
  return `${r.round},${secondsText(r.timeUs)},${r.poolValidators},${r.poolStake},${validatorIds[r.winner]},${r.winnerStake},${ratioText(r.winnerP)},${r.blockIndex},${r.blockPosition},${r.stale ? 1 : 0}\n`;
}
