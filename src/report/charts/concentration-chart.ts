import type { TopLevelSpec } from 'vega-lite';
import type { Chart } from './chart.js';
import { COUNT_AXIS_LABEL } from './number-text.js';
import { numberOrNull, requiredNumber, type CsvRecord } from './results-source.js';
import { thinnedIndices } from './sample-rounds.js';
import { CHART_CONFIG, panelTitle } from './theme.js';

/** Samples kept: timeseries.csv may sample far more often than a line needs. */
export const MAX_CONCENTRATION_SAMPLES = 250;

/** The panels, in order: timeseries.csv column suffix, title, and whether the metric counts validators. */
const METRICS: ReadonlyArray<{ suffix: string; title: string; axis: string; count: boolean }> = [
  { suffix: 'gini', title: 'Gini coefficient', axis: 'Gini', count: false },
  { suffix: 'hhi', title: 'Herfindahl-Hirschman index', axis: 'HHI', count: false },
  { suffix: 'nakamoto50', title: 'Nakamoto coefficient (50%)', axis: 'validators', count: true },
  { suffix: 'nakamoto33', title: 'Nakamoto coefficient (33%)', axis: 'validators', count: true },
];
const BASES = ['stake', 'blocks'] as const;

export interface ConcentrationRow {
  readonly round: number;
  readonly metric: string;
  readonly basis: (typeof BASES)[number];
  readonly value: number;
}

/** timeseries.csv -> long rows (round, metric, basis, value), thinned by round. Empty fields (no block yet) are left out. */
export async function readConcentration(rows: AsyncIterable<CsvRecord>): Promise<ConcentrationRow[]> {
  const all: CsvRecord[] = [];
  for await (const row of rows) all.push(row);
  const out: ConcentrationRow[] = [];
  for (const i of thinnedIndices(all.length, MAX_CONCENTRATION_SAMPLES)) {
    const row = all[i] as CsvRecord;
    const round = requiredNumber(row, 'round', 'timeseries.csv');
    for (const { suffix, title } of METRICS) {
      for (const basis of BASES) {
        const value = numberOrNull(row, `${basis}_${suffix}`);
        if (value !== null) out.push({ round, metric: title, basis, value });
      }
    }
  }
  return out;
}

/**
 * How concentrated stake and block production are as the run goes: Gini and HHI
 * (0 = equal), and the Nakamoto coefficients (how few validators together hold
 * half, or a third, of it all: the fewer, the easier to collude).
 */
export function concentrationChart(rows: readonly ConcentrationRow[], rewardsKind: string): Chart {
  const colour = {
    field: 'basis',
    type: 'nominal' as const,
    scale: { domain: [...BASES], range: ['#4c78a8', '#e45756'] },
    legend: { title: null, orient: 'top' as const, labelExpr: "datum.label === 'blocks' ? 'blocks produced' : 'stake'" },
  };
  const panel = (metric: (typeof METRICS)[number]) => ({
    width: 320,
    height: 150,
    title: panelTitle(metric.title),
    data: { values: rows.filter((r) => r.metric === metric.title).map((r) => ({ ...r })) },
    // A count changes in whole steps; an index moves continuously between samples.
    mark: { type: 'line' as const, strokeWidth: 1.6, interpolate: metric.count ? ('step-after' as const) : ('linear' as const) },
    encoding: {
      x: { field: 'round', type: 'quantitative' as const, axis: { title: 'round', labelExpr: COUNT_AXIS_LABEL } },
      y: {
        field: 'value',
        type: 'quantitative' as const,
        // Nakamoto coefficients count validators: from zero, whole-number ticks only.
        scale: { zero: metric.count },
        axis: metric.count ? { title: metric.axis, format: 'd', tickMinStep: 1 } : { title: metric.axis, format: '~g' },
      },
      color: colour,
    },
  });
  const spec: TopLevelSpec = {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: { text: 'Concentration of stake and of blocks over time', subtitle: `rewards: ${rewardsKind}` },
    config: CHART_CONFIG,
    columns: 2,
    concat: METRICS.map(panel),
    resolve: { scale: { y: 'independent' } },
  };
  return {
    id: 'concentration',
    heading: 'Concentration over time',
    caption:
      'Gini and HHI rise as stake gathers in few hands; the Nakamoto coefficients count how few validators would be ' +
      'enough to control half or a third of the stake (blue) or of the blocks produced so far (red).',
    spec,
  };
}
