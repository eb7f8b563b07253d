import type { TopLevelSpec } from 'vega-lite';
import type { Chart } from './chart.js';
import { COUNT_AXIS_LABEL } from './number-text.js';
import type { QuirkPeriod } from './quirk-periods.js';
import { CHART_CONFIG, panelTitle } from './theme.js';

export interface SeedQuirksInput {
  readonly periods: readonly QuirkPeriod[];
  /** How many sync periods each point stands for (1 unless the run was long). */
  readonly merged: number;
  /** Seconds of virtual time per sync period (30 by default). */
  readonly periodSeconds: number;
  readonly endSeconds: number;
  /** When the lottery thread died, or null if it never did. */
  readonly haltSeconds: number | null;
}

const PANEL = { width: 640, height: 90 };
const DEAD = '#e45756';

/**
 * The seed server's quirks as the run went on, one panel each, on one time axis:
 * rounds drawn (with the stretch after the lottery thread died), stale blocks
 * appended, announcements made / delivered / lost, sync traffic per period and
 * live threads, which under the seed's rules only ever grow.
 */
export function seedQuirksChart(input: SeedQuirksInput): Chart {
  const values = input.periods.map((p) => ({ ...p, lotteryAlive: p.lotteryAlive ? 1 : 0 }));
  const x = {
    field: 'time',
    type: 'quantitative' as const,
    scale: { domain: [0, input.endSeconds], nice: false },
    axis: { title: 'virtual time (s)', labelExpr: COUNT_AXIS_LABEL },
  };
  const countAxis = { title: null, labelExpr: COUNT_AXIS_LABEL, tickMinStep: 1 };
  // A row is written at the end of its period: totals and thread counts hold from then on (step-after),
  // while per-period traffic belongs to the period just ended (step-before).
  const line = (field: keyof QuirkPeriod) => ({
    mark: {
      type: 'line' as const,
      interpolate: field === 'syncBytes' ? ('step-before' as const) : ('step-after' as const),
      strokeWidth: 1.6,
      color: '#4c78a8',
    },
    encoding: { x, y: { field, type: 'quantitative' as const, scale: countScale(input.periods, field), axis: countAxis } },
  });
  const panel = (title: string, field: keyof QuirkPeriod) => ({ ...PANEL, title: panelTitle(title, 'normal'), ...line(field) });
  const dead =
    input.haltSeconds === null
      ? []
      : [
          {
            data: { values: [{ start: input.haltSeconds, end: input.endSeconds, label: `lottery thread dead from ${input.haltSeconds} s` }] },
            layer: [
              { mark: { type: 'rect' as const, color: DEAD, opacity: 0.12 }, encoding: { x: { ...x, field: 'start' }, x2: { field: 'end' } } },
              {
                mark: { type: 'text' as const, color: DEAD, align: 'left' as const, baseline: 'top' as const, dx: 4, y: 4, fontSize: 11 },
                encoding: { x: { ...x, field: 'start' }, text: { field: 'label' } },
              },
            ],
          },
        ];
  const perPeriod = input.merged > 1 ? `per ${input.periodSeconds} s period (mean over ${input.merged} periods)` : `per ${input.periodSeconds} s period`;
  const spec: TopLevelSpec = {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: {
      text: "The seed server's quirks over the run",
      subtitle: `rules: seed; one point per ${input.merged > 1 ? `${input.merged} sync periods` : 'sync period'} of virtual time`,
    },
    config: CHART_CONFIG,
    // One copy of the periods for every panel; only the shaded stretch brings its own.
    data: { values },
    vconcat: [
      { ...PANEL, title: panelTitle('rounds drawn (total)', 'normal'), layer: [...dead, line('rounds')] },
      panel('stale blocks appended (total)', 'staleBlocks'),
      {
        ...PANEL,
        title: panelTitle('announcements (total)', 'normal'),
        transform: [
          { fold: ['announcementsMade', 'announcementsDelivered', 'announcementsLost'], as: ['measure', 'count'] },
          {
            calculate: "datum.measure === 'announcementsMade' ? 'made' : datum.measure === 'announcementsDelivered' ? 'delivered' : 'lost'",
            as: 'announcements',
          },
        ],
        mark: { type: 'line', interpolate: 'step-after', strokeWidth: 1.6 },
        encoding: {
          x,
          y: { field: 'count', type: 'quantitative', scale: countScale(input.periods, 'announcementsMade'), axis: countAxis },
          color: {
            field: 'announcements',
            type: 'nominal',
            scale: { domain: ['made', 'delivered', 'lost'], range: ['#4c78a8', '#54a24b', DEAD] },
            legend: { title: null },
          },
          strokeDash: { field: 'announcements', type: 'nominal', scale: { domain: ['made', 'delivered', 'lost'], range: [[1, 0], [6, 3], [1, 0]] }, legend: { title: null } },
        },
      },
      panel(`sync bytes sent ${perPeriod}`, 'syncBytes'),
      panel('live threads (at the end of each period)', 'threads'),
    ],
    resolve: { scale: { x: 'shared', color: 'independent', strokeDash: 'independent' } },
  };
  return {
    id: 'seed-quirks',
    heading: 'The seed server’s quirks',
    caption:
      'What the seed’s code does besides the lottery: whether rounds keep being drawn (the shaded stretch is after the lottery ' +
      'thread died), stale blocks, announcements that reach nobody, the sync traffic each period and the threads that pile up.',
    spec,
  };
}

/** From zero; a count that stayed at zero gets [0, 1] rather than an empty domain with no tick. */
function countScale(periods: readonly QuirkPeriod[], field: keyof QuirkPeriod) {
  const largest = Math.max(0, ...periods.map((p) => Number(p[field])));
  return largest > 0 ? { zero: true } : { domain: [0, 1] };
}
