import type { ReplicationOutcome } from '../replications/run-replication.js';
import { ratioText } from './format.js';

/**
 * replications.csv's columns (chi_square_p empty when too few rounds; consistent: 1 if
 * that p is above 1%, 0 if not, empty without it); the reader's ReplicationRecord is
 * derived from them.
 */
export const REPLICATIONS_CSV_COLUMNS = [
  'replication', 'seed', 'rounds', 'stop_reason', 'tracked', 'initial_stake_share', 'final_stake_share', 'wins', 'win_share',
  'stake_gini', 'stake_nakamoto50', 'chi_square_p', 'consistent', 'pit_p',
] as const;
export const REPLICATIONS_CSV_HEADER = `${REPLICATIONS_CSV_COLUMNS.join(',')}\n`;

/** replications.csv: one line per (replication, tracked series). */
export function replicationsCsv(outcomes: readonly ReplicationOutcome[]): string {
  let text = REPLICATIONS_CSV_HEADER;
  for (const o of outcomes) {
    const p = o.chiSquareP;
    const tail =
      `${ratioText(o.stakeGini)},${o.stakeNakamoto50},${p === null ? '' : ratioText(p)},${p === null ? '' : p > 0.01 ? 1 : 0},` +
      ratioText(o.pitP);
    for (const s of o.series) {
      text += `${o.replication},${o.seed},${o.rounds},${o.stopReason},${s.name},${ratioText(s.initialStakeShare)},${ratioText(s.finalStakeShare)},${s.wins},${ratioText(s.winShare)},${tail}\n`;
    }
  }
  return text;
}
