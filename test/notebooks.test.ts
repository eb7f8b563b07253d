/**
 * The notebooks run: `npm run notebooks`'s function executes each one headless
 * (nbconvert and Deno's kernel), and each HTML export shows its charts, without
 * JavaScript, in headless Chromium. The notebooks themselves are stored without
 * outputs, so they never drift from the code.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { missingTools, NOTEBOOKS_DIR, notebookFiles, runNotebooks } from '../scripts/notebooks.js';
import { scratchDir } from './cli/run-cli.js';

const CHROMIUM = '/usr/bin/chromium';
/** Charts each notebook draws (a chart is one SVG output). */
const CHARTS: Record<string, number> = { 'fairness.ipynb': 3, 'centralization.ipynb': 3, 'seed-quirks.ipynb': 2 };
/** Tables each notebook shows. */
const TABLES: Record<string, number> = { 'fairness.ipynb': 1, 'centralization.ipynb': 2, 'seed-quirks.ipynb': 2 };

interface Notebook {
  cells: Array<{ cell_type: string; outputs?: unknown[]; execution_count?: number | null }>;
  metadata: { kernelspec?: { name?: string } };
}

test('the notebooks are the three of the issue, stored without outputs, for the Deno kernel', () => {
  assert.deepEqual(notebookFiles(), Object.keys(CHARTS).sort());
  for (const name of notebookFiles()) {
    const nb = JSON.parse(readFileSync(join(NOTEBOOKS_DIR, name), 'utf8')) as Notebook;
    assert.equal(nb.metadata.kernelspec?.name, 'deno', name);
    const code = nb.cells.filter((c) => c.cell_type === 'code');
    assert.ok(code.length >= 3, name);
    for (const cell of code) {
      assert.deepEqual(cell.outputs, [], `${name}: a cell has outputs; clear them before committing`);
      assert.equal(cell.execution_count, null, name);
    }
  }
});

const missing = missingTools();
const noBrowser = existsSync(CHROMIUM) ? null : `${CHROMIUM} is not installed (Debian: chromium)`;
const skip = missing ?? noBrowser;
if (skip !== null) console.log(`# notebooks test skipped: ${skip}; .ci/run installs it`);

test('every notebook executes headless, and its HTML export shows its charts without JavaScript', { skip: skip ?? false, timeout: 600_000 }, async () => {
  const out = scratchDir();
  const runs = runNotebooks(out);
  const browser = await chromium.launch({ executablePath: CHROMIUM });
  try {
    // No JavaScript: the charts must be there as SVG, as a reader of a mailed export sees them.
    const page = await browser.newPage({ javaScriptEnabled: false });
    for (const run of runs) {
      console.log(`# ${run.notebook}: executed in ${run.seconds.toFixed(1)} s`);
      await page.goto(`file://${run.html}`);
      const charts = await page.$$eval('.jp-OutputArea-output svg, .output_svg svg', (svgs) =>
        svgs.map((svg) => {
          const box = svg.getBoundingClientRect();
          return { width: box.width, height: box.height, marks: svg.querySelectorAll('path, rect, line, circle').length, text: svg.textContent ?? '' };
        }),
      );
      assert.equal(charts.length, CHARTS[run.notebook], `${run.notebook}: charts shown`);
      for (const chart of charts) {
        assert.ok(chart.width > 150 && chart.height > 100, `${run.notebook}: a chart of ${chart.width} x ${chart.height} px`);
        assert.ok(chart.marks >= 10, `${run.notebook}: a chart with ${chart.marks} marks`);
      }
      const tables = await page.$$eval('.jp-OutputArea-output table', (t) => t.map((x) => x.querySelectorAll('tr').length));
      assert.equal(tables.length, TABLES[run.notebook], `${run.notebook}: tables shown`);
      assert.ok(tables.every((rows) => rows >= 3), `${run.notebook}: table rows ${tables.join(', ')}`);
      const errors = await page.$$eval('[data-mime-type="application/vnd.jupyter.stderr"], .output_error', (e) => e.map((x) => x.textContent));
      assert.deepEqual(errors, [], `${run.notebook}: no error output`);
    }
  } finally {
    await browser.close();
  }
});
