import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildCharts } from '../../../src/report/charts/build-charts.js';
import { parseSummary } from '../../../src/report/charts/summary-input.js';
import { chartSvg, renameIds } from '../../../src/report/render/chart-svg.js';
import { fixtureSource } from '../results-fixtures.js';

async function seedRewardsCharts() {
  const source = fixtureSource('seed-rewards');
  return (await buildCharts(source, parseSummary((await source.text('summary.json'))!))).charts;
}

test('every chart of a full results folder renders to a sized, non-trivial SVG without a warning', async () => {
  for (const chart of await seedRewardsCharts()) {
    const { svg, warnings } = await chartSvg(chart.spec, chart.id);
    assert.deepEqual(warnings, [], chart.id);
    assert.match(svg, /^<svg [^>]*width="\d+" height="\d+" viewBox="0 0 \d+ \d+"/, chart.id);
    assert.ok(svg.length > 10_000, `${chart.id}: ${svg.length} bytes`);
    // Text is drawn in the one chart font, so that PNGs look the same everywhere.
    assert.match(svg, /font-family="DejaVu Sans"/, chart.id);
    assert.doesNotMatch(svg, /font-family="(?!DejaVu Sans")/, chart.id);
  }
});

test('the same spec always gives the same SVG bytes', async () => {
  for (const chart of await seedRewardsCharts()) {
    const first = await chartSvg(chart.spec, chart.id);
    const second = await chartSvg(structuredClone(chart.spec), chart.id);
    assert.equal(first.svg, second.svg, chart.id);
  }
});

test('element ids are renamed after the chart, references with them', () => {
  const svg =
    '<svg><defs><clipPath id="clip7"><rect/></clipPath><linearGradient id="gradient_2"/></defs>' +
    '<g clip-path="url(#clip7)"><rect fill="url(#gradient_2)"/><use href="#clip7"/><use href="#elsewhere"/></g></svg>';
  assert.equal(
    renameIds(svg, 'win-rate'),
    '<svg><defs><clipPath id="win-rate-1"><rect/></clipPath><linearGradient id="win-rate-2"/></defs>' +
      '<g clip-path="url(#win-rate-1)"><rect fill="url(#win-rate-2)"/><use href="#win-rate-1"/><use href="#elsewhere"/></g></svg>',
  );
  assert.equal(renameIds('<svg><g/></svg>', 'x'), '<svg><g/></svg>');
});
