import type { Chart } from '../charts/chart.js';
import type { ReportSummary } from '../charts/summary-input.js';
import { escapeHtml } from './escape-html.js';
import { headlineHtml } from './headline.js';
import { REPORT_CSS } from './report-style.js';
import { groupTableHtml, validatorTableHtml } from './tables.js';

/** A chart as the report shows it: its words, its inline SVG and where its files are. */
export interface RenderedChart {
  readonly chart: Chart;
  readonly svg: string;
  /** Paths relative to report.html, e.g. "charts/win-rate.png". */
  readonly files: { readonly png: string; readonly svg: string; readonly spec: string };
}

export interface ReportPage {
  readonly summary: ReportSummary;
  /** The scenario's own description (from manifest.json), if it has one. */
  readonly description: string | null;
  readonly charts: readonly RenderedChart[];
  /** Charts the folder's files could not support, and why. */
  readonly skipped: readonly string[];
}

/**
 * report.html: one self-contained page (inline CSS, inline SVG, no script, no
 * link to anything outside the results folder), so it opens offline and can be
 * mailed on its own. Same inputs give the same bytes: nothing here reads a clock.
 */
export function reportHtml(page: ReportPage): string {
  const { summary } = page;
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(`pos-sim report: ${summary.scenario} (seed ${summary.seed})`)}</title>
<style>${REPORT_CSS}</style>
</head>
<body>
<main>
${headlineHtml(summary, page.description)}
${contentsHtml(page.charts)}
${page.charts.map(chartHtml).join('\n')}
<h2 id="tables">Tables</h2>
${groupTableHtml(summary.groups)}
${validatorTableHtml(summary.topValidators)}
${skippedHtml(page.skipped)}
<footer>Made by pos-sim from the files in this folder: <code>summary.json</code>, <code>validators.csv</code>, <code>rounds.csv</code> and the others. Rebuild it, for instance after restyling, with <code>pos-sim report &lt;this folder&gt;</code>.</footer>
</main>
</body>
</html>
`;
}

function contentsHtml(charts: readonly RenderedChart[]): string {
  const items = [...charts.map((c) => `<li><a href="#${c.chart.id}">${escapeHtml(c.chart.heading)}</a></li>`), '<li><a href="#tables">Tables</a></li>'];
  return `<nav aria-label="contents"><strong>Contents</strong><ul>${items.join('')}</ul></nav>`;
}

/** One chart's section: heading, caption, inline SVG and links to its files (a sweep's report uses it too). */
export function chartHtml(rendered: RenderedChart): string {
  const { chart, files } = rendered;
  return [
    `<section aria-labelledby="${chart.id}">`,
    `<h2 id="${chart.id}">${escapeHtml(chart.heading)}</h2>`,
    `<p class="caption">${escapeHtml(chart.caption)}</p>`,
    `<figure>${rendered.svg}</figure>`,
    `<p class="files"><a href="${escapeHtml(files.png)}">PNG</a> · <a href="${escapeHtml(files.svg)}">SVG</a> · <a href="${escapeHtml(files.spec)}">Vega-Lite spec</a></p>`,
    '</section>',
  ].join('\n');
}

function skippedHtml(skipped: readonly string[]): string {
  if (skipped.length === 0) return '';
  return `<p class="skipped">Not in this report (the results folder has no data for them): ${skipped.map(escapeHtml).join('; ')}.</p>`;
}
