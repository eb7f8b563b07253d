/**
 * cells.csv (one row per cell) and replications.csv (one row per cell, replication
 * and tracked series). Numbers in JavaScript's shortest round-trip form, an empty
 * field where there is no number (an interval of one replication, a series a cell
 * does not have), so that the same outcomes always give the same bytes.
 */
import { stringify } from 'csv-stringify/sync';
import type { ReplicationOutcome } from '../replications/run-replication.js';
import { ratioText } from '../report/format.js';
import type { SweepCell, SweepPlan } from '../scenario/sweep.js';
import type { SweepValue } from '../scenario/schema.js';
import { SHARE_BANDS, type CellSummary, type Estimate } from './cell-summary.js';

/** Every tracked series of any cell, in the order cells first track them. */
export function seriesNames(summaries: readonly CellSummary[]): string[] {
  return [...new Set(summaries.flatMap((s) => s.series.map((x) => x.name)))];
}

const estimateColumns = (name: string) => [`${name}_mean`, `${name}_low`, `${name}_high`];
const estimateFields = (e: Estimate | undefined) => (e === undefined ? ['', '', ''] : [ratioText(e.mean), ratioText(e.low), ratioText(e.high)]);
const bandName = (band: number) => `within_${Math.round(band * 100)}pct`;

export function cellsCsv(plan: SweepPlan, summaries: readonly CellSummary[]): string {
  const series = seriesNames(summaries);
  const header = [
    'cell',
    ...plan.fields,
    'replications',
    'seed',
    ...['stake_gini', 'stake_hhi', 'stake_nakamoto50', 'fairness_rejection_rate', 'pit_rejection_rate'].flatMap(estimateColumns),
    ...series.flatMap((name) => [
      `${name}:initial_stake_share`,
      ...[`final_stake_share`, `win_share`, ...SHARE_BANDS.map(bandName)].flatMap((m) => estimateColumns(`${name}:${m}`)),
    ]),
  ];
  const rows = plan.cells.map((cell, c) => {
    const s = summaries[c] as CellSummary;
    return [
      String(cell.index),
      ...axisFields(plan, cell),
      String(s.replications),
      String(cell.seed),
      ...[s.stakeGini, s.stakeHerfindahlHirschman, s.stakeNakamoto50, s.fairnessRejection, s.pitRejection].flatMap(estimateFields),
      ...series.flatMap((name) => {
        const x = s.series.find((y) => y.name === name);
        if (x === undefined) return new Array<string>(1 + 3 * (2 + SHARE_BANDS.length)).fill('');
        return [ratioText(x.initialStakeShare), ...[x.finalStakeShare, x.winShare, ...x.withinBand].flatMap(estimateFields)];
      }),
    ];
  });
  return stringify([header, ...rows]);
}

export function replicationsCsv(plan: SweepPlan, outcomes: readonly (readonly ReplicationOutcome[])[]): string {
  const header = [
    'cell',
    ...plan.fields,
    'replication',
    'seed',
    'rounds',
    'stop_reason',
    'tracked',
    'initial_stake_share',
    'final_stake_share',
    'wins',
    'win_share',
    'stake_gini',
    'stake_hhi',
    'stake_nakamoto50',
    'chi_square_p',
    'pit_p',
  ];
  const rows = plan.cells.flatMap((cell, c) =>
    (outcomes[c] ?? []).flatMap((o) =>
      o.series.map((s) => [
        String(cell.index),
        ...axisFields(plan, cell),
        String(o.replication),
        String(o.seed),
        String(o.rounds),
        o.stopReason,
        s.name,
        ratioText(s.initialStakeShare),
        ratioText(s.finalStakeShare),
        String(s.wins),
        ratioText(s.winShare),
        ratioText(o.stakeGini),
        ratioText(o.stakeHerfindahlHirschman),
        String(o.stakeNakamoto50),
        o.chiSquareP === null ? '' : ratioText(o.chiSquareP),
        ratioText(o.pitP),
      ]),
    ),
  );
  return stringify([header, ...rows]);
}

/** The cell's value of every sweep field ('' for a field its grid does not set). */
function axisFields(plan: SweepPlan, cell: SweepCell): string[] {
  const values = new Map<string, SweepValue>(cell.values.map(([f, v]) => [f, v]));
  return plan.fields.map((field) => {
    const value = values.get(field);
    return value === undefined ? '' : typeof value === 'number' ? ratioText(value) : String(value);
  });
}
