/** The sweep's charts (spec, SVG, PNG) and report.html, written into its folder. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RenderedChart } from '../report/html/report-html.js';
import { chartPng } from '../report/render/chart-png.js';
import { chartSvg } from '../report/render/chart-svg.js';
import { specJson } from '../report/render/spec-json.js';
import type { ScenarioDocument } from '../scenario/schema.js';
import type { SweepPlan } from '../scenario/sweep.js';
import type { CellSummary } from '../sweep/cell-summary.js';
import { sweepCharts } from '../sweep/sweep-charts.js';
import { sweepReportHtml } from '../sweep/sweep-report-html.js';
import { yieldToSignals } from './interruption.js';
import { err } from './output.js';
import { chartWarning } from './messages.js';

/** @returns the files written, relative to the folder */
export async function writeSweepReport(
  dir: string,
  base: ScenarioDocument,
  plan: SweepPlan,
  summaries: readonly CellSummary[],
  options: { quiet: boolean },
): Promise<string[]> {
  mkdirSync(join(dir, 'charts'));
  const files: string[] = [];
  const rendered: RenderedChart[] = [];
  for (const chart of sweepCharts(plan, summaries)) {
    const paths = { spec: `charts/${chart.id}.vl.json`, svg: `charts/${chart.id}.svg`, png: `charts/${chart.id}.png` };
    // vega renders through promises alone; a turn of the event loop between the steps lets a signal in.
    await yieldToSignals();
    const { svg, warnings } = await chartSvg(chart.spec, chart.id);
    await yieldToSignals();
    const { png } = chartPng(svg);
    if (!options.quiet) for (const w of warnings) err(`pos-sim: ${chartWarning(chart.id, w)}\n`);
    writeFileSync(join(dir, paths.spec), specJson(chart.spec));
    writeFileSync(join(dir, paths.svg), svg);
    writeFileSync(join(dir, paths.png), png);
    files.push(paths.spec, paths.svg, paths.png);
    rendered.push({ chart, svg, files: paths });
  }
  writeFileSync(join(dir, 'report.html'), sweepReportHtml({ base, plan, summaries, charts: rendered }));
  return [...files, 'report.html'];
}
