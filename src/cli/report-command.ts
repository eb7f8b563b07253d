import { createReadStream, existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse';
import { parse as parseYaml } from 'yaml';
import { buildCharts } from '../report/charts/build-charts.js';
import { CHART_IDS } from '../report/charts/chart.js';
import type { CsvRecord, ResultsSource } from '../report/charts/results-source.js';
import type { ChartValidators } from '../report/charts/validator-input.js';
import { parseSummary, type ReportSummary } from '../report/charts/summary-input.js';
import { reportHtml, type RenderedChart } from '../report/html/report-html.js';
import { chartPng } from '../report/render/chart-png.js';
import { chartSvg } from '../report/render/chart-svg.js';
import { specJson } from '../report/render/spec-json.js';
import { yieldToSignals } from './interruption.js';
import { UserError } from './user-error.js';
import { err } from './output.js';
import { chartWarning, csvNotValid, FONTS_MISSING, inFile, manifestNotJson, noResultsFolder, noSummaryJson } from './messages.js';

/** Where a results folder keeps its charts, beside the CSVs. */
const CHARTS_DIR = 'charts';
const chartFiles = (id: string) => ({ spec: `${CHARTS_DIR}/${id}.vl.json`, svg: `${CHARTS_DIR}/${id}.svg`, png: `${CHARTS_DIR}/${id}.png` });

export interface ReportOutcome {
  /** Files written, relative to the results folder, e.g. "charts/win-rate.svg", "report.html". */
  readonly files: string[];
  readonly charts: string[];
  readonly skipped: string[];
}

/**
 * (Re)builds every chart (Vega-Lite spec, SVG, PNG) and report.html from the files
 * of a results folder, and returns the files written, relative to the folder.
 * Used by `pos-sim run` on its new folder and by `pos-sim report DIR`.
 */
export async function writeReport(resultsDir: string, options: ReportOptions = {}): Promise<string[]> {
  return (await buildReport(resultsDir, options)).files;
}

export interface ReportOptions {
  quiet?: boolean;
  /** validators.csv's figures, from the run that has just written it: the file is not read back. */
  validators?: ChartValidators;
}

/**
 * 1. read summary.json (and the scenario's description from manifest.json);
 * 2. build the charts its files support; 3. render each to SVG and PNG and write
 * them with their spec; 4. delete the files of charts no longer made, so that a
 * rebuild leaves no stale picture; 5. write report.html, last, so that it only
 * ever shows charts that exist.
 */
export async function buildReport(resultsDir: string, options: ReportOptions = {}): Promise<ReportOutcome> {
  const source = folderSource(resultsDir);
  const summary = await readSummary(resultsDir, source);
  const description = await scenarioDescription(source);
  const { charts, skipped } = await buildCharts(source, summary, options.validators);
  mkdirSync(join(resultsDir, CHARTS_DIR), { recursive: true });
  const files: string[] = [];
  const rendered: RenderedChart[] = [];
  let fontsMissing = false;
  for (const chart of charts) {
    const paths = chartFiles(chart.id);
    // vega renders through promises alone; a turn of the event loop between the steps lets a signal in.
    await yieldToSignals();
    const { svg, warnings } = await chartSvg(chart.spec, chart.id);
    await yieldToSignals();
    const { png, fontsFound } = chartPng(svg);
    fontsMissing ||= !fontsFound;
    if (!options.quiet) for (const w of warnings) err(`pos-sim: ${chartWarning(chart.id, w)}\n`);
    writeFileSync(join(resultsDir, paths.spec), specJson(chart.spec));
    writeFileSync(join(resultsDir, paths.svg), svg);
    writeFileSync(join(resultsDir, paths.png), png);
    files.push(paths.spec, paths.svg, paths.png);
    rendered.push({ chart, svg, files: paths });
  }
  const made = new Set(charts.map((c) => c.id));
  for (const id of CHART_IDS.filter((i) => !made.has(i))) {
    for (const path of Object.values(chartFiles(id))) rmSync(join(resultsDir, path), { force: true });
  }
  if (fontsMissing && !options.quiet) {
    err(`pos-sim: ${FONTS_MISSING}\n`);
  }
  writeFileSync(join(resultsDir, 'report.html'), reportHtml({ summary, description, charts: rendered, skipped }));
  files.push('report.html');
  return { files, charts: charts.map((c) => c.id), skipped };
}

async function readSummary(resultsDir: string, source: ResultsSource): Promise<ReportSummary> {
  if (!existsSync(resultsDir) || !statSync(resultsDir).isDirectory()) throw new UserError(noResultsFolder(resultsDir));
  const text = await source.text('summary.json');
  if (text === null) throw new UserError(noSummaryJson(resultsDir));
  try {
    return parseSummary(text);
  } catch (error) {
    throw new UserError(inFile(join(resultsDir, 'summary.json'), error instanceof Error ? error.message : String(error)));
  }
}

/**
 * The scenario's description: from the manifest's source text (the manifest stores the
 * text once; folders of older versions kept the description in `scenario` too).
 */
async function scenarioDescription(source: ResultsSource): Promise<string | null> {
  const text = await source.text('manifest.json');
  if (text === null) return null;
  let manifest: { scenario?: { description?: unknown }; scenarioSource?: unknown } | null;
  try {
    manifest = JSON.parse(text) as typeof manifest;
  } catch (error) {
    throw new UserError(manifestNotJson(error instanceof Error ? error.message : String(error)));
  }
  const description = manifest?.scenario?.description ?? descriptionInSource(manifest?.scenarioSource);
  return typeof description === 'string' && description.trim() !== '' ? description : null;
}

function descriptionInSource(sourceText: unknown): unknown {
  if (typeof sourceText !== 'string') return undefined;
  try {
    const data: unknown = parseYaml(sourceText);
    return typeof data === 'object' && data !== null ? (data as { description?: unknown }).description : undefined;
  } catch {
    return undefined;
  }
}

/** A CSV file's rows; a malformed file (truncated, edited) is the user's error, named. */
async function* csvRows(path: string): AsyncGenerator<CsvRecord> {
  try {
    yield* createReadStream(path).pipe(parse({ columns: true, skip_empty_lines: true })) as AsyncIterable<CsvRecord>;
  } catch (error) {
    if ((error as { code?: unknown }).code === undefined || !String((error as { code: unknown }).code).startsWith('CSV_')) throw error;
    throw new UserError(csvNotValid(path, (error as Error).message));
  }
}

/** The files of a results folder, CSVs streamed row by row and opened only when read. */
export function folderSource(dir: string): ResultsSource {
  return {
    text: async (name) => {
      const path = join(dir, name);
      return existsSync(path) ? readFileSync(path, 'utf8') : null;
    },
    rows: (name) => {
      const path = join(dir, name);
      if (!existsSync(path)) return null;
      return { [Symbol.asyncIterator]: () => csvRows(path) };
    },
  };
}
