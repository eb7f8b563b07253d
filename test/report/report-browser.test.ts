import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { buildReport } from '../../src/cli/report-command.js';
import { fixturePath, type FixtureName } from './results-fixtures.js';

/** Debian's chromium; CI installs it. playwright-core never downloads a browser of its own. */
const CHROMIUM = '/usr/bin/chromium';
const LAPTOP = { width: 1366, height: 768 };

const skip = existsSync(CHROMIUM) ? false : `${CHROMIUM} is absent (Debian package chromium): report.html not checked in a browser`;

async function openReport(name: FixtureName, screenshot: string) {
  const copy = mkdtempSync(join(tmpdir(), 'pos-sim-browser-'));
  const dir = join(copy, name);
  cpSync(fixturePath(name), dir, { recursive: true });
  const { charts } = await buildReport(dir, { quiet: true });
  const profile = mkdtempSync(join(tmpdir(), 'pos-sim-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: LAPTOP,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  try {
    const problems: string[] = [];
    const outside: string[] = [];
    // The report must open offline: anything but the file itself and its folder is refused and noted.
    await context.route('**/*', (route) => {
      const url = route.request().url();
      if (url.startsWith('file:')) return route.continue();
      outside.push(url);
      return route.abort();
    });
    const page = await context.newPage();
    page.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warning') problems.push(`${message.type()}: ${message.text()}`);
    });
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    await page.goto(pathToFileURL(join(dir, 'report.html')).href, { waitUntil: 'load' });
    const figures = await page.$$eval('figure > svg', (svgs) =>
      svgs.map((svg) => {
        const box = svg.getBoundingClientRect();
        const texts = [...svg.querySelectorAll('text')].filter((t) => t.getBoundingClientRect().width > 0).length;
        return { width: box.width, height: box.height, marks: svg.querySelectorAll('path, line, rect').length, texts };
      }),
    );
    // A string, as the project's tsconfig has no DOM types.
    const pageWidth = Number(await page.evaluate('document.documentElement.scrollWidth'));
    await page.screenshot({ path: screenshot, fullPage: true });
    return { charts, figures, problems, outside, pageWidth, cleanup: () => [profile, copy].forEach((d) => rmSync(d, { recursive: true, force: true })) };
  } finally {
    await context.close();
  }
}

for (const name of ['seed-rewards', 'replications'] as const) {
  test(`report.html of ${name} opens offline in Chromium with every chart drawn`, { skip, timeout: 60_000 }, async (t) => {
    const screenshot = join(mkdtempSync(join(tmpdir(), 'pos-sim-screenshot-')), `${name}.png`);
    const r = await openReport(name, screenshot);
    r.cleanup();
    assert.deepEqual(r.problems, [], 'console errors or warnings');
    assert.deepEqual(r.outside, [], 'requests outside the results folder');
    assert.equal(r.figures.length, r.charts.length);
    for (const [i, f] of r.figures.entries()) {
      assert.ok(f.width > 300 && f.height > 200, `${r.charts[i]}: ${f.width} x ${f.height}`);
      assert.ok(f.marks > 10 && f.texts > 5, `${r.charts[i]}: ${f.marks} marks, ${f.texts} texts`);
    }
    // Readable on a laptop: nothing makes the page itself scroll sideways.
    assert.ok(r.pageWidth <= LAPTOP.width, `page is ${r.pageWidth} px wide`);
    assert.ok(statSync(screenshot).size > 50_000);
    t.diagnostic(`screenshot: ${screenshot}`);
  });
}
