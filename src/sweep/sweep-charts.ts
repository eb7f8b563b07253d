/**
 * The sweep's charts, as vega-lite specs with their data inlined:
 * - for each swept field, every metric against that field (mean and 95% band), one
 *   line per combination of the other fields' values;
 * - for each grid of exactly two fields, a heatmap of every metric's mean.
 * Pure: summaries in, specs out.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { Chart } from '../report/charts/chart.js';
import { CHART_CONFIG } from '../report/charts/theme.js';
import type { SweepCell, SweepPlan } from '../scenario/sweep.js';
import { describeCell } from '../scenario/sweep.js';
import type { SweepValue } from '../scenario/schema.js';
import type { CellSummary, Estimate } from './cell-summary.js';

/** One metric of a cell, as the charts show it. */
interface MetricOf {
  readonly label: string;
  readonly of: (s: CellSummary) => Estimate | undefined;
}

/** What the charts show for each cell: concentration, the fairness tests, and each tracked group's share. */
export function sweepMetrics(summaries: readonly CellSummary[]): MetricOf[] {
  const groups = [...new Set(summaries.flatMap((s) => s.series.map((x) => x.name)))];
  const series = (name: string) => (s: CellSummary) => s.series.find((x) => x.name === name);
  return [
    { label: 'stake Gini', of: (s) => s.stakeGini },
    { label: 'Nakamoto coefficient (>50%)', of: (s) => s.stakeNakamoto50 },
    { label: 'stake HHI', of: (s) => s.stakeHerfindahlHirschman },
    { label: 'fairness test: rejections at 5%', of: (s) => s.fairnessRejection },
    ...groups.flatMap((name): MetricOf[] => [
      { label: `${shortName(name)}: final stake share`, of: (s) => series(name)(s)?.finalStakeShare },
      { label: `${shortName(name)}: P(share within ±10%)`, of: (s) => series(name)(s)?.withinBand[0] },
    ]),
  ];
}

const shortName = (series: string): string => series.replace(/^group:/, '');

export function sweepCharts(plan: SweepPlan, summaries: readonly CellSummary[]): Chart[] {
  const metrics = sweepMetrics(summaries);
  const lines = plan.fields.map((field, i) => fieldChart(field, i, plan, summaries, metrics));
  const heatmaps = twoFieldGrids(plan).map(([a, b], i) => heatmapChart(a, b, i, plan, summaries, metrics));
  return [...lines, ...heatmaps];
}

function fieldChart(field: string, index: number, plan: SweepPlan, summaries: readonly CellSummary[], metrics: readonly MetricOf[]): Chart {
  const cells = plan.cells.filter((c) => valueOf(c, field) !== undefined);
  const numeric = cells.every((c) => typeof valueOf(c, field) === 'number');
  const values = cells.map((c) => valueOf(c, field) as number);
  const logScale = numeric && values.every((v) => v > 0) && Math.max(...values) / Math.min(...values) >= 100;
  const rows = cells.flatMap((cell) =>
    metrics.flatMap((metric) => {
      const e = metric.of(summaries[cell.index] as CellSummary);
      if (e === undefined || !Number.isFinite(e.mean)) return [];
      const others = describeCell({ values: cell.values.filter(([f]) => f !== field) });
      return [{ metric: metric.label, x: valueOf(cell, field), mean: e.mean, low: finiteOr(e.low, e.mean), high: finiteOr(e.high, e.mean), others }];
    }),
  );
  const x = { field: 'x', type: numeric ? 'quantitative' : 'ordinal', title: field, ...(logScale ? { scale: { type: 'log' } } : {}) } as const;
  const colour = { field: 'others', type: 'nominal', title: 'other fields', legend: { orient: 'bottom', columns: 1 } } as const;
  const spec = {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: { text: `Every metric against ${field}`, subtitle: 'mean over replications; band and bars: 95% interval' },
    data: { values: rows },
    facet: { row: { field: 'metric', type: 'nominal', title: null, sort: metrics.map((m) => m.label), header: { labelAngle: 0, labelAlign: 'left', labelAnchor: 'start', labelOrient: 'top' } } },
    spec: {
      width: 420,
      height: 130,
      layer: [
        numeric
          ? { mark: { type: 'area', opacity: 0.18 }, encoding: { x, y: { field: 'low', type: 'quantitative', title: null }, y2: { field: 'high' }, color: colour } }
          : { mark: { type: 'rule' }, encoding: { x, y: { field: 'low', type: 'quantitative', title: null }, y2: { field: 'high' }, color: colour } },
        { mark: { type: 'line', point: true }, encoding: { x, y: { field: 'mean', type: 'quantitative', title: null, scale: { zero: false } }, color: colour } },
      ],
    },
    resolve: { scale: { y: 'independent' } },
    config: CHART_CONFIG,
  } as unknown as TopLevelSpec;
  return {
    id: `sweep-field-${index + 1}`,
    heading: `Against ${field}`,
    caption: `Each panel is one metric; each line one combination of the other fields. Points are means over the cell's replications, bands their 95% intervals (Student t for means, Wilson for proportions).`,
    spec,
  };
}

function heatmapChart(a: string, b: string, index: number, plan: SweepPlan, summaries: readonly CellSummary[], metrics: readonly MetricOf[]): Chart {
  const cells = plan.cells.filter((c) => valueOf(c, a) !== undefined && valueOf(c, b) !== undefined && c.values.length === 2);
  const rows = cells.flatMap((cell) =>
    metrics.flatMap((metric) => {
      const e = metric.of(summaries[cell.index] as CellSummary);
      return e === undefined || !Number.isFinite(e.mean) ? [] : [{ metric: metric.label, a: String(valueOf(cell, a)), b: String(valueOf(cell, b)), mean: e.mean }];
    }),
  );
  const order = (field: string) => [...new Set(cells.map((c) => valueOf(c, field)))].sort(compareValues).map(String);
  const spec = {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: { text: `${a} x ${b}`, subtitle: 'mean over replications in each cell' },
    data: { values: rows },
    facet: { field: 'metric', type: 'nominal', title: null, sort: metrics.map((m) => m.label) },
    columns: 2,
    spec: {
      width: 220,
      height: 160,
      layer: [
        { mark: 'rect', encoding: { x: { field: 'a', type: 'ordinal', title: a, sort: order(a) }, y: { field: 'b', type: 'ordinal', title: b, sort: order(b) }, color: { field: 'mean', type: 'quantitative', title: null, legend: null, scale: { scheme: 'blues' } } } },
        { mark: { type: 'text', fontSize: 11 }, encoding: { x: { field: 'a', type: 'ordinal', sort: order(a) }, y: { field: 'b', type: 'ordinal', sort: order(b) }, text: { field: 'mean', type: 'quantitative', format: '.3~g' } } },
      ],
    },
    resolve: { scale: { color: 'independent' } },
    config: CHART_CONFIG,
  } as unknown as TopLevelSpec;
  return {
    id: `sweep-heatmap-${index + 1}`,
    heading: `${a} x ${b}`,
    caption: 'Each panel is one metric, its colours its own scale: darker is larger. The number in a square is the mean over that cell\'s replications.',
    spec,
  };
}

/** Pairs of fields that form a two-field grid (every cell of the pair sets exactly those two). */
function twoFieldGrids(plan: SweepPlan): [string, string][] {
  const pairs = new Map<string, [string, string]>();
  for (const cell of plan.cells) {
    if (cell.values.length !== 2) continue;
    const [[a], [b]] = cell.values as [[string, SweepValue], [string, SweepValue]];
    pairs.set(`${a}\n${b}`, [a, b]);
  }
  return [...pairs.values()];
}

function valueOf(cell: SweepCell, field: string): SweepValue | undefined {
  return cell.values.find(([f]) => f === field)?.[1];
}

function compareValues(x: SweepValue | undefined, y: SweepValue | undefined): number {
  if (typeof x === 'number' && typeof y === 'number') return x - y;
  return String(x) < String(y) ? -1 : String(x) > String(y) ? 1 : 0;
}

const finiteOr = (x: number, fallback: number): number => (Number.isFinite(x) ? x : fallback);
