import type { Config } from 'vega-lite';

/**
 * The one font every chart names. Vega measures text with its own estimate (there
 * is no canvas in Node), resvg draws it from this exact file set, and a browser
 * falls back to any sans-serif: naming the font keeps SVG and PNG the same on
 * every machine.
 */
export const CHART_FONT = 'DejaVu Sans';

/** Colours by position, groups first: the same group gets the same colour in every chart. */
export const CATEGORY_COLOURS: readonly string[] = [
  '#4c78a8', '#f58518', '#54a24b', '#e45756', '#72b7b2', '#b279a2', '#eeca3b', '#9d755d', '#ff9da6', '#bab0ac',
];

/** Shared look: white background (PNG has no transparency), readable sizes, titles on the left. */
export const CHART_CONFIG: Config = {
  font: CHART_FONT,
  background: 'white',
  padding: 12,
  view: { stroke: '#cccccc' },
  axis: { labelFontSize: 12, titleFontSize: 13, titleFontWeight: 'normal', gridColor: '#ececec', labelColor: '#333333', titleColor: '#222222' },
  legend: { labelFontSize: 12, titleFontSize: 13, titleFontWeight: 'normal', labelLimit: 320 },
  header: { labelFontSize: 13, titleFontSize: 13, labelFontWeight: 'bold' },
  title: { fontSize: 17, subtitleFontSize: 13, anchor: 'start', subtitleColor: '#555555', offset: 12 },
};

/** The title of one panel of a multi-panel chart: over its plot, not over its axis labels, so panels line up. */
export function panelTitle(text: string, weight: 'bold' | 'normal' = 'bold') {
  return { text, fontSize: 14, fontWeight: weight, frame: 'group' as const, anchor: 'start' as const };
}

/**
 * A colour scale over the categories a chart shows (`present`, so that its legend
 * lists nothing absent), each coloured by its place in `all`: a group keeps its
 * colour from chart to chart however many of the others a chart shows.
 */
export function categoryScale(all: readonly string[], present: Iterable<string> = all): { domain: string[]; range: string[] } {
  const shown = new Set(present);
  const domain = all.filter((name) => shown.has(name));
  return {
    domain,
    range: domain.map((name) => CATEGORY_COLOURS[all.indexOf(name) % CATEGORY_COLOURS.length] as string),
  };
}
