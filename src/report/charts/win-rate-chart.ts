import type { TopLevelSpec } from 'vega-lite';
import type { Chart } from './chart.js';
import { logDomain } from './log-domain.js';
import { countText, decadeTicks, LOG_AXIS_LABEL } from './number-text.js';
import { CHART_CONFIG, categoryScale } from './theme.js';
import { TOP_INDIVIDUAL_POINTS, type WinRatePoints } from './win-rate-points.js';

const MARKERS = { validator: 'one validator', pooled: 'pooled validators', zero: 'no wins (at floor)' };

/**
 * Empirical against expected win rate, both axes log, with 95% Wilson intervals
 * and the line y = x: a fair lottery puts every interval across the line.
 */
export function winRateChart(input: WinRatePoints, groups: readonly string[]): Chart {
  const { domain, floor } = logDomain(input.points.flatMap((p) => [p.expectedRate, p.winRate, p.wilsonLow, p.wilsonHigh]));
  const values = input.points.map((p) => ({
    label: p.label,
    group: p.group,
    marker: p.winRate === 0 ? MARKERS.zero : p.pooled ? MARKERS.pooled : MARKERS.validator,
    validators: p.validators,
    expectedRate: p.expectedRate,
    winRate: Math.max(p.winRate, floor),
    wilsonLow: Math.max(p.wilsonLow, floor),
    wilsonHigh: p.wilsonHigh,
  }));
  const colour = categoryScale(groups, values.map((v) => v.group));
  const markers = [MARKERS.validator, MARKERS.pooled, MARKERS.zero].filter((m) => values.some((v) => v.marker === m));
  const shapes: Record<string, string> = { [MARKERS.validator]: 'circle', [MARKERS.pooled]: 'square', [MARKERS.zero]: 'triangle-down' };
  const axis = (title: string) => ({ title, values: decadeTicks(domain), labelExpr: LOG_AXIS_LABEL, grid: true });
  const scale = { type: 'log' as const, domain, nice: false };
  const spec: TopLevelSpec = {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: { text: 'Do wins follow stake?', subtitle: subtitle(input) },
    config: CHART_CONFIG,
    width: 460,
    height: 460,
    layer: [
      {
        data: { values: [{ rate: domain[0] }, { rate: domain[1] }] },
        mark: { type: 'line', color: '#888888', strokeDash: [6, 4], strokeWidth: 1 },
        encoding: {
          x: { field: 'rate', type: 'quantitative', scale, axis: axis('expected win rate (stake / pool stake, mean over rounds)') },
          y: { field: 'rate', type: 'quantitative', scale, axis: axis('empirical win rate (wins / rounds in pool)') },
        },
      },
      {
        data: { values },
        layer: [
          {
            mark: { type: 'rule', strokeWidth: 1.5, opacity: 0.7 },
            encoding: {
              x: { field: 'expectedRate', type: 'quantitative', scale },
              y: { field: 'wilsonLow', type: 'quantitative', scale },
              y2: { field: 'wilsonHigh' },
              color: { field: 'group', type: 'nominal', scale: colour, legend: { title: 'group' } },
            },
          },
          {
            mark: { type: 'point', filled: true, size: 60, opacity: 0.9, stroke: 'white', strokeWidth: 0.5 },
            encoding: {
              x: { field: 'expectedRate', type: 'quantitative', scale },
              y: { field: 'winRate', type: 'quantitative', scale },
              color: { field: 'group', type: 'nominal', scale: colour, legend: { title: 'group' } },
              shape: {
                field: 'marker',
                type: 'nominal',
                scale: { domain: markers, range: markers.map((m) => shapes[m] as string) },
                legend: { title: 'point' },
              },
            },
          },
        ],
      },
    ],
  };
  return {
    id: 'win-rate',
    heading: 'Win rate against stake',
    caption:
      'Each point sets what a validator won against what its stake entitled it to. Bars are 95% Wilson intervals; ' +
      'the dashed line is a perfectly fair lottery, so about 19 intervals in 20 should cross it.',
    spec,
  };
}

/** Short lines: vega sizes the chart by an estimate of text width that runs wider than the real font. */
function subtitle(input: WinRatePoints): string[] {
  const lines = ['95% Wilson intervals; dashed: y = x (wins as stake predicts)'];
  if (input.pooledValidators > 0) {
    lines.push(`largest ${TOP_INDIVIDUAL_POINTS} validators on their own; ${countText(input.pooledValidators)} others pooled`);
  }
  if (input.withoutRate > 0) lines.push(`not shown: ${countText(input.withoutRate)} never in a pool or without stake`);
  return lines;
}
