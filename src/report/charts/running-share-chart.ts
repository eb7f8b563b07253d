import type { TopLevelSpec } from 'vega-lite';
import type { Chart } from './chart.js';
import { countText, decadeTicks } from './number-text.js';
import type { RunningSharePoint } from './running-shares.js';
import { CHART_CONFIG, categoryScale, panelTitle } from './theme.js';

/** Below this many rounds a log axis has no decade to show: the rounds go on a linear one. */
const LOG_AXIS_MIN_ROUNDS = 100;

/**
 * One small panel per series: its share of the wins so far (line), the share its
 * stake predicts (dashed) and the 95% binomial band around it, narrowing as
 * 1/sqrt(rounds). Rounds on a log axis, so the early swings and the late
 * convergence both get room.
 */
export function runningShareChart(points: readonly RunningSharePoint[], order: readonly string[], groups: readonly string[], rounds: number): Chart {
  const log = rounds >= LOG_AXIS_MIN_ROUNDS;
  const x = {
    field: 'round',
    type: 'quantitative' as const,
    scale: log ? { type: 'log' as const, domain: [1, rounds], nice: false } : { domain: [1, Math.max(rounds, 2)], nice: false },
    axis: log ? { title: 'round', format: '~s', values: decadeTicks([1, rounds]) } : { title: 'round', format: 'd', tickMinStep: 1 },
  };
  const colour = { field: 'group', type: 'nominal' as const, scale: categoryScale(groups, points.map((p) => p.group)), legend: null };
  const panel = (series: string) => ({
    width: 240,
    height: 150,
    title: panelTitle(series),
    data: { values: points.filter((p) => p.series === series).map((p) => ({ ...p })) },
    layer: [
      {
        mark: { type: 'area' as const, opacity: 0.18 },
        encoding: { x, y: { field: 'bandLow', type: 'quantitative' as const }, y2: { field: 'bandHigh' }, color: colour },
      },
      {
        mark: { type: 'line' as const, strokeDash: [5, 4], strokeWidth: 1.2, color: '#555555' },
        encoding: { x, y: { field: 'expected', type: 'quantitative' as const } },
      },
      {
        mark: { type: 'line' as const, strokeWidth: 1.8 },
        encoding: {
          x,
          y: { field: 'share', type: 'quantitative' as const, axis: { title: 'share of wins', format: '.0%' } },
          color: colour,
        },
      },
    ],
  });
  const spec: TopLevelSpec = {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: {
      text: 'Share of the wins so far, converging to the share stake predicts',
      subtitle: `${countText(rounds)} rounds; dashed: expected share; band: 95% binomial spread (±1.96 sd)`,
    },
    config: CHART_CONFIG,
    columns: 3,
    concat: order.map(panel),
  };
  return {
    id: 'running-share',
    heading: 'Running share of the wins',
    caption:
      'Each panel follows one group or one of the largest validators round by round. A fair lottery keeps the line ' +
      'inside its band most of the time, and the band closes in on the dashed expected share.',
    spec,
  };
}
