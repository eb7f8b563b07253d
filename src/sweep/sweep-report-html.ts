/**
 * A sweep's report.html: what was swept, one table row per cell, and the charts.
 * Self-contained like a run's report (inline CSS and SVG, no script); nothing here
 * reads a clock, so the same summaries give the same bytes.
 */
import { chartHtml, type RenderedChart } from '../report/html/report-html.js';
import { escapeHtml } from '../report/html/escape-html.js';
import { figureText, percentText } from '../report/html/figure-text.js';
import { REPORT_CSS } from '../report/html/report-style.js';
import type { ScenarioDocument } from '../scenario/schema.js';
import type { SweepPlan } from '../scenario/sweep.js';
import type { CellSummary, Estimate } from './cell-summary.js';

export interface SweepReportPage {
  readonly base: ScenarioDocument;
  readonly plan: SweepPlan;
  readonly summaries: readonly CellSummary[];
  readonly charts: readonly RenderedChart[];
}

export function sweepReportHtml(page: SweepReportPage): string {
  const { base, plan } = page;
  const title = `pos-sim sweep: ${base.name} (seed ${base.seed})`;
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${REPORT_CSS}</style>
</head>
<body>
<main>
<h1>${escapeHtml(title)}</h1>
${base.description === undefined ? '' : `<p class="description">${escapeHtml(base.description)}</p>`}
<p>${plan.cells.length} cells x ${plan.replications} replications, sweeping ${plan.fields.map((f) => `<code>${escapeHtml(f)}</code>`).join(', ') || 'no field'}. Each cell is a scenario of its own whose seed derives from the run seed and the cell's values (not its position), so adding a value or reordering an axis leaves every other cell's numbers unchanged; replication k of a cell is replication k of <code>pos-sim run</code> on that cell (its scenario is in <code>manifest.json</code>).</p>
${cellTableHtml(page)}
${page.charts.map(chartHtml).join('\n')}
<footer>Made by pos-sim. The numbers are in <code>cells.csv</code> (one row per cell, means and 95% intervals) and <code>replications.csv</code> (every replication); the cells' scenarios and seeds in <code>manifest.json</code>.</footer>
</main>
</body>
</html>
`;
}

function cellTableHtml({ plan, summaries }: SweepReportPage): string {
  const groups = [...new Set(summaries.flatMap((s) => s.series.map((x) => x.name)))];
  const head = [
    ...plan.fields.map((f) => `<th scope="col"><code>${escapeHtml(f)}</code></th>`),
    '<th scope="col">stake Gini</th>',
    '<th scope="col">Nakamoto (&gt;50%)</th>',
    '<th scope="col">chi-square rejections at 5%</th>',
    '<th scope="col">winner-PIT rejections at 5%</th>',
    ...groups.map((g) => `<th scope="col">${escapeHtml(g.replace(/^group:/, ''))}: final share</th><th scope="col">${escapeHtml(g.replace(/^group:/, ''))}: P(within ±10%)</th>`),
  ];
  const rows = plan.cells.map((cell) => {
    const s = summaries[cell.index] as CellSummary;
    const values = new Map(cell.values);
    return `<tr>${[
      ...plan.fields.map((f) => `<td>${values.has(f) ? escapeHtml(String(values.get(f))) : '–'}</td>`),
      `<td>${interval(s.stakeGini, figureText)}</td>`,
      `<td>${interval(s.stakeNakamoto50, (x) => figureText(x, 3))}</td>`,
      `<td>${interval(s.fairnessRejection, percentText)}</td>`,
      `<td>${interval(s.pitRejection, percentText)}</td>`,
      ...groups.map((g) => {
        const x = s.series.find((y) => y.name === g);
        return x === undefined ? '<td>–</td><td>–</td>' : `<td>${interval(x.finalStakeShare, percentText)}</td><td>${interval(x.withinBand[0] as Estimate, percentText)}</td>`;
      }),
    ].join('')}</tr>`;
  });
  return `<h2 id="cells">Cells</h2>
<p class="caption">Means over each cell's replications, with their 95% intervals in brackets. Two tests of p = stake / pool stake per replication: the per-round chi-square of win counts, calibrated when stakes do not move (no rewards), and the winner-PIT test, calibrated under any reward rule (docs/statistics.md). A fair lottery has about 5% of replications rejected at 5%; the chi-square rejects more often under large rewards even when the lottery is fair, because the rewards make a validator's wins depend on its earlier wins.</p>
<div class="table-wrap"><table><thead><tr>${head.join('')}</tr></thead><tbody>
${rows.join('\n')}
</tbody></table></div>`;
}

function interval(e: Estimate, text: (x: number) => string): string {
  return Number.isFinite(e.low) ? `${text(e.mean)} <span class="interval">[${text(e.low)}, ${text(e.high)}]</span>` : text(e.mean);
}
