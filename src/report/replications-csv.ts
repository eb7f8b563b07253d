import type { ReplicationOutcome } from '../replications/run-replication.js';
import { ratioText } from './format.js';

export const REPLICATIONS_CSV_HEADER =
  'replication,seed,rounds,stop_reason,tracked,initial_stake_share,final_stake_share,wins,win_share,stake_gini,stake_nakamoto50,chi_square_p,consistent,pit_p\n';

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
