import type { TopLevelSpec } from 'vega-lite';
import type { Chart } from './chart.js';
import { countText } from './number-text.js';
import { closedFormApplies, closedFormHistogram, shareHistogram, type ShareBin } from './replication-histogram.js';
import type { ReplicationOutcome } from './replication-input.js';
import { seriesLabel } from './share-history-chart.js';
import type { BetaBinomialFit, SummaryReplications } from './summary-input.js';
import { CHART_CONFIG, panelTitle } from './theme.js';

const KEYS = {
  bars: 'replications',
  curve: 'closed form (beta-binomial)',
  initial: 'initial share',
  mean: 'mean final share',
};
const KEY_COLOURS: Readonly<Record<string, string>> = {
  [KEYS.bars]: '#9ecae9',
  [KEYS.curve]: '#e45756',
  [KEYS.initial]: '#555555',
  [KEYS.mean]: '#222222',
};

/** One panel: a tracked series' histogram, its reference lines and, if it has one, the closed form. */
interface SeriesPanel {
  readonly label: string;
  readonly bins: readonly ShareBin[];
  readonly initialShare: number;
  readonly meanShare: number;
  readonly closedForm: boolean;
}

/**
 * Across replications: for each tracked series, the histogram of its final stake
 * share, its initial share, the mean, and the closed-form distribution where the
 * summary gives one (constant rewards: a Pólya urn, whose wins are beta-binomial).
 */
export function replicationsChart(outcomes: readonly ReplicationOutcome[], summary: SummaryReplications | undefined): Chart {
  const fit = summary?.betaBinomial ?? null;
  const panels = [...new Set(outcomes.map((o) => o.series))].map((name) => seriesPanel(name, outcomes, fit));
  const closedForm = panels.some((p) => p.closedForm);
  const keys = [KEYS.bars, ...(closedForm ? [KEYS.curve] : []), KEYS.initial, KEYS.mean];
  const spec: TopLevelSpec = {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: { text: 'Final stake share across replications', subtitle: subtitle(outcomes.length / Math.max(1, panels.length), summary, closedForm) },
    config: CHART_CONFIG,
    columns: 2,
    concat: panels.map((p) => panelSpec(p, keys)),
    resolve: { scale: { color: 'shared', strokeDash: 'shared' } },
  };
  return {
    id: 'replications',
    heading: 'Across replications',
    caption:
      'How far one run can stray: the spread of a tracked series’ final stake share over independent replications. ' +
      'Where a closed form exists (constant rewards: a Pólya urn), its expected counts are drawn over the bars.',
    spec,
  };
}

function seriesPanel(name: string, outcomes: readonly ReplicationOutcome[], fit: BetaBinomialFit | null): SeriesPanel {
  const own = outcomes.filter((o) => o.series === name);
  const closedForm = fit !== null && fit.series === name && closedFormApplies(own, fit);
  return {
    label: seriesLabel(name),
    bins: closedForm ? closedFormHistogram(own, fit) : shareHistogram(own),
    initialShare: own[0]?.initialShare ?? 0,
    meanShare: own.reduce((sum, o) => sum + o.finalShare, 0) / own.length,
    closedForm,
  };
}

function panelSpec(p: SeriesPanel, keys: readonly string[]) {
  const colour = {
    field: 'key',
    type: 'nominal' as const,
    scale: { domain: [...keys], range: keys.map((k) => KEY_COLOURS[k] as string) },
    legend: { title: null, orient: 'top' as const },
  };
  const x = { type: 'quantitative' as const, scale: { zero: false }, axis: { title: `final stake share of ${p.label}`, format: '.3~%' } };
  const y = { type: 'quantitative' as const, axis: { title: 'replications' } };
  const bars = p.bins.map((b) => ({ key: KEYS.bars, start: b.start, end: b.end, count: b.count }));
  const curve = p.bins.flatMap((b) => (b.expected === null ? [] : [{ key: KEYS.curve, share: (b.start + b.end) / 2, expected: b.expected }]));
  const rules = [
    { key: KEYS.initial, share: p.initialShare },
    { key: KEYS.mean, share: p.meanShare },
  ];
  return {
    width: 380,
    height: 220,
    title: panelTitle(p.label),
    layer: [
      {
        data: { values: bars },
        mark: { type: 'rect' as const, stroke: 'white', strokeWidth: 0.5 },
        encoding: { x: { ...x, field: 'start' }, x2: { field: 'end' }, y: { ...y, field: 'count' }, color: colour },
      },
      ...(curve.length > 0
        ? [
            {
              data: { values: curve },
              mark: { type: 'line' as const, point: { size: 18 }, strokeWidth: 1.6 },
              encoding: { x: { ...x, field: 'share' }, y: { ...y, field: 'expected' }, color: colour },
            },
          ]
        : []),
      {
        data: { values: rules },
        mark: { type: 'rule' as const, strokeWidth: 1.5 },
        encoding: {
          x: { ...x, field: 'share' },
          color: colour,
          strokeDash: { field: 'key', type: 'nominal' as const, scale: { domain: [KEYS.initial, KEYS.mean], range: [[5, 3], [1, 0]] }, legend: null },
        },
      },
    ],
  };
}

function subtitle(replications: number, summary: SummaryReplications | undefined, closedForm: boolean): string[] {
  const lines = [`${countText(summary?.count ?? replications)} replications`];
  const fit = summary?.betaBinomial;
  if (fit && closedForm) {
    lines.push(
      `${seriesLabel(fit.series)}: wins ~ BetaBinomial(n = ${countText(fit.n)}, α = ${Number(fit.alpha.toPrecision(4))}, β = ${Number(fit.beta.toPrecision(4))})`,
      `final share = (α + wins)/(α + β + n); goodness of fit p = ${Number(fit.pValue.toPrecision(3))}`,
    );
  } else if (fit) {
    lines.push(`closed form for ${seriesLabel(fit.series)} not drawn:`, 'its final shares do not follow (α + wins)/(α + β + n)');
  }
  return lines;
}
