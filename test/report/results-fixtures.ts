import { parse } from 'csv-parse/sync';
import { compile, type TopLevelSpec } from 'vega-lite';
import { folderSource } from '../../src/cli/report-command.js';
import type { CsvRecord, ResultsSource } from '../../src/report/charts/results-source.js';
import { collectingLogger } from '../../src/report/render/collecting-logger.js';

const FIXTURES = new URL('../fixtures/results/', import.meta.url).pathname;

/**
 * Results folders written by hand to the file contract (see their README):
 * seed-rewards (rules seed, constant rewards, a halt), replications (300 runs of a
 * Pólya urn) and churn-v0 (a folder from before fairness, rewards and quirks.csv).
 */
export type FixtureName = 'seed-rewards' | 'replications' | 'churn-v0';

export const fixturePath = (name: FixtureName): string => `${FIXTURES}${name}`;
export const fixtureSource = (name: FixtureName): ResultsSource => folderSource(fixturePath(name));

/** A results folder held in memory: file name -> text. */
export function memorySource(files: Readonly<Record<string, string>>): ResultsSource {
  return {
    text: async (name) => files[name] ?? null,
    rows: (name) => {
      const text = files[name];
      return text === undefined ? null : rowsOf(text);
    },
  };
}

/** CSV text -> rows, as a results folder streams them. */
export function rowsOf(text: string): AsyncIterable<CsvRecord> {
  const records = parse(text, { columns: true, skip_empty_lines: true }) as CsvRecord[];
  return (async function* rows() {
    yield* records;
  })();
}

/** Compiles a spec with vega-lite itself; returns its warnings (compile throws on an invalid spec). */
export function vegaLiteWarnings(spec: TopLevelSpec): string[] {
  const { logger, messages } = collectingLogger();
  compile(spec, { logger });
  return messages;
}

/** How many data rows a spec inlines, over all its (nested) data sets: what the picture has to draw. */
export function inlineRows(spec: unknown): number {
  if (Array.isArray(spec)) return spec.reduce((sum: number, s) => sum + inlineRows(s), 0);
  if (spec === null || typeof spec !== 'object') return 0;
  let rows = 0;
  for (const [key, value] of Object.entries(spec)) {
    if (key === 'data' && value && typeof value === 'object' && 'values' in value && Array.isArray(value.values)) rows += value.values.length;
    else rows += inlineRows(value);
  }
  return rows;
}
