import type { TopLevelSpec } from 'vega-lite';
import type { Chart } from './chart.js';
import { COUNT_AXIS_LABEL } from './number-text.js';
import { numberOrNull, requiredNumber, requiredText, type CsvRecord } from './results-source.js';
import { thinnedIndices } from './sample-rounds.js';
import { CHART_CONFIG } from './theme.js';
import { elementAt } from '../../lists/element-at.js';

/** Sampled rounds kept per series: shares.csv may sample far more often than a line needs. */
export const MAX_SHARE_SAMPLES = 250;

export interface ShareHistoryRow {
  readonly round: number;
  readonly series: string;
  readonly measure: 'stake share' | 'block share';
  readonly value: number;
}

const FILE = 'shares.csv';

/** shares.csv (long: round, time_s, series, stake_share, block_share) -> chart rows, thinned by round. */
export async function readShareHistory(rows: AsyncIterable<CsvRecord>): Promise<ShareHistoryRow[]> {
  const byRound = new Map<number, CsvRecord[]>();
  for await (const row of rows) {
    const round = requiredNumber(row, 'round', FILE);
    const list = byRound.get(round) ?? [];
    list.push(row);
    byRound.set(round, list);
  }
  const rounds = [...byRound.keys()].sort((a, b) => a - b);
  const out: ShareHistoryRow[] = [];
  for (const i of thinnedIndices(rounds.length, MAX_SHARE_SAMPLES)) {
    const round = elementAt(rounds, i, 'thinned round');
    for (const row of byRound.get(round) ?? []) {
      const series = seriesLabel(requiredText(row, 'series', FILE));
      const stake = numberOrNull(row, 'stake_share');
      const block = numberOrNull(row, 'block_share');
      if (stake !== null) out.push({ round, series, measure: 'stake share', value: stake });
      // Before the first block there is no block share: the CSV leaves it empty.
      if (block !== null) out.push({ round, series, measure: 'block share', value: block });
    }
  }
  return out;
}

/** "group:whale" -> "group whale"; a validator id stays as it is. */
export function seriesLabel(series: string): string {
  return series.startsWith('group:') ? `group ${series.slice('group:'.length)}` : series;
}

/**
 * Stake share and share of the blocks produced so far, side by side on one y
 * scale: where rewards compound, stake drifts and blocks follow it.
 */
export function shareHistoryChart(rows: readonly ShareHistoryRow[]): Chart {
  const series = [...new Set(rows.map((r) => r.series))];
  const spec: TopLevelSpec = {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: {
      text: 'Stake share and block share over time',
      subtitle: 'largest validators (by initial stake) and groups; blocks produced so far',
    },
    config: CHART_CONFIG,
    data: { values: rows.map((r) => ({ ...r })) },
    transform: [{ calculate: "indexof(datum.series, 'group ') === 0 ? 'group' : 'validator'", as: 'kind' }],
    facet: { column: { field: 'measure', type: 'nominal', sort: ['stake share', 'block share'], header: { title: null } } },
    spec: {
      width: 340,
      height: 240,
      mark: { type: 'line', strokeWidth: 1.6 },
      encoding: {
        x: { field: 'round', type: 'quantitative', axis: { title: 'round', labelExpr: COUNT_AXIS_LABEL } },
        y: { field: 'value', type: 'quantitative', axis: { title: 'share', format: '.0%' } },
        color: { field: 'series', type: 'nominal', sort: series, scale: { scheme: 'tableau20' }, legend: { title: 'series', columns: 1 } },
        strokeDash: {
          field: 'kind',
          type: 'nominal',
          scale: { domain: ['group', 'validator'], range: [[1, 0], [5, 3]] },
          legend: { title: 'line' },
        },
      },
    },
  };
  return {
    id: 'share-history',
    heading: 'Stake and block production over time',
    caption:
      'Left, each series’ share of all stake; right, its share of the blocks produced so far. Without rewards the stake ' +
      'lines stay flat and the block lines settle on them; with rewards the rich can get richer.',
    spec,
  };
}
