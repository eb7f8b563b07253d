import type { TopLevelSpec } from 'vega-lite';

/** One chart of a report: its vega-lite spec (data inlined) and the words around it. */
export interface Chart {
  /** File name stem in the results folder's charts/ and the anchor in report.html, e.g. "win-rate". */
  readonly id: string;
  /** Heading in report.html (the spec carries its own title too). */
  readonly heading: string;
  /** One or two sentences saying what to look for. */
  readonly caption: string;
  readonly spec: TopLevelSpec;
}

/** Every chart id a report can hold, in report order: lets a rebuild remove the files of charts it no longer makes. */
export const CHART_IDS = ['win-rate', 'running-share', 'share-history', 'concentration', 'replications', 'seed-quirks'] as const;
export type ChartId = (typeof CHART_IDS)[number];
