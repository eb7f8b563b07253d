import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { chartPng } from '../../../src/report/render/chart-png.js';
import { chartSvg } from '../../../src/report/render/chart-svg.js';
import { winRateChart } from '../../../src/report/charts/win-rate-chart.js';
import { winRatePoints } from '../../../src/report/charts/win-rate-points.js';
import { readValidators } from '../../../src/report/charts/validator-input.js';
import { fixtureSource } from '../results-fixtures.js';

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const DEJAVU = '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf';

/** Width and height from the PNG's IHDR chunk. */
const pngSize = (png: Buffer) => ({ width: png.readUInt32BE(16), height: png.readUInt32BE(20) });

async function winRateSvg(): Promise<string> {
  const validators = await readValidators(fixtureSource('seed-rewards').rows('validators.csv')!);
  const chart = winRateChart(winRatePoints(validators), ['whale', 'small', 'late']);
  return (await chartSvg(chart.spec, chart.id)).svg;
}

test('a chart becomes a PNG at twice the SVG size, the same bytes every time', async () => {
  const svg = await winRateSvg();
  const first = chartPng(svg);
  assert.deepEqual(first.png.subarray(0, 8), PNG_SIGNATURE);
  const [, width, height] = svg.match(/width="(\d+)" height="(\d+)"/)!.map(Number);
  assert.deepEqual(pngSize(first.png), { width: 2 * width!, height: 2 * height! });
  assert.ok(first.png.length > 20_000, `${first.png.length} bytes`);
  assert.deepEqual(chartPng(svg).png, first.png);
});

test('text is drawn with the DejaVu files, not with whatever the system has', { skip: existsSync(DEJAVU) ? false : `no ${DEJAVU}: install fonts-dejavu-core` }, () => {
  const frame = (text: string) =>
    `<svg xmlns="http://www.w3.org/2000/svg" width="200" height="40"><text x="10" y="28" font-family="DejaVu Sans" font-size="20">${text}</text></svg>`;
  const withText = chartPng(frame('Wins follow stake'));
  assert.equal(withText.fontsFound, true);
  assert.ok(withText.png.length > chartPng(frame('')).png.length + 500, 'the text left pixels behind');
});
