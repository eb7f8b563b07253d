import type { TopLevelSpec } from 'vega-lite';

/**
 * A Vega-Lite spec drawn as SVG without a browser, as `pos-sim run` draws its charts
 * (vega's headless renderer): for a page or notebook export that must show the chart
 * without JavaScript. Warnings of vega-lite and vega are dropped; use
 * `pos-sim report` to see them for the bundled charts.
 * @example await chartSvg({ data: { values: [{ x: 1 }] }, mark: 'point', encoding: { x: { field: 'x' } } })
 */
export async function chartSvg(spec: TopLevelSpec, id = 'chart'): Promise<string> {
  // Loaded when first used: vega is large, and most uses of the API draw nothing.
  const { chartSvg: render } = await import('../report/render/chart-svg.js');
  return (await render(spec, id)).svg;
}
