import * as vega from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import { collectingLogger } from './collecting-logger.js';

export interface RenderedSvg {
  readonly svg: string;
  /** vega-lite and vega warnings met on the way; empty for a well-made spec. */
  readonly warnings: readonly string[];
}

/**
 * vega-lite spec -> SVG text, without a browser:
 * 1. compile to a vega spec; 2. run it in a headless View (renderer "none": the
 * scenegraph is built, nothing is drawn); 3. serialise the scenegraph as SVG;
 * 4. rename the SVG's element ids after the chart, so that several charts inlined
 * in one HTML page never share an id and the same spec always gives the same bytes.
 */
export async function chartSvg(spec: TopLevelSpec, chartId: string): Promise<RenderedSvg> {
  const { logger, messages } = collectingLogger();
  const vegaSpec = compile(spec, { logger }).spec;
  const view = new vega.View(vega.parse(vegaSpec), { renderer: 'none', logger });
  try {
    const svg = await view.toSVG();
    return { svg: renameIds(svg, chartId), warnings: messages };
  } finally {
    view.finalize();
  }
}

/** Renames every id="…" to `<prefix>-<n>` in order of appearance, and each reference to it. */
export function renameIds(svg: string, prefix: string): string {
  const names = new Map<string, string>();
  for (const match of svg.matchAll(/\sid="([^"]+)"/g)) {
    const id = match[1] as string;
    if (!names.has(id)) names.set(id, `${prefix}-${names.size + 1}`);
  }
  if (names.size === 0) return svg;
  return svg
    .replace(/(\sid=")([^"]+)(")/g, (_, open: string, id: string, close: string) => `${open}${names.get(id) ?? id}${close}`)
    .replace(/url\(#([^)]+)\)/g, (whole: string, id: string) => (names.has(id) ? `url(#${names.get(id)})` : whole))
    .replace(/(href=")#([^"]+)(")/g, (whole: string, open: string, id: string, close: string) =>
      names.has(id) ? `${open}#${names.get(id)}${close}` : whole,
    );
}
