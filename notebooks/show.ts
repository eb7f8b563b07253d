/**
 * Shows a Vega-Lite chart in a notebook: live in JupyterLab or VS Code (the vega-lite
 * mime type), and as SVG drawn without a browser (pos-sim's chartSvg) for an exported
 * HTML page, which then shows the chart without JavaScript.
 */
import { chartSvg } from 'pos-sim';

// deno-lint-ignore no-explicit-any
type Spec = Record<string, any>;

let charts = 0;

export async function show(spec: Spec): Promise<unknown> {
  const svg = await chartSvg(spec as never, `chart${++charts}`);
  return {
    [Symbol.for('Jupyter.display')]: () => ({
      'application/vnd.vegalite.v5+json': spec,
      'image/svg+xml': svg,
      'text/plain': String(spec.title ?? 'chart'),
    }),
  };
}

/** A table of records as HTML (the first `limit` rows). */
export function table(rows: Record<string, unknown>[], limit = 12): unknown {
  const columns = Object.keys(rows[0] ?? {});
  const cell = (v: unknown) => (typeof v === 'number' ? (Number.isInteger(v) ? String(v) : v.toPrecision(4)) : String(v));
  const html =
    `<table><thead><tr>${columns.map((c) => `<th>${c}</th>`).join('')}</tr></thead><tbody>` +
    rows.slice(0, limit).map((r) => `<tr>${columns.map((c) => `<td>${cell(r[c])}</td>`).join('')}</tr>`).join('') +
    '</tbody></table>';
  return { [Symbol.for('Jupyter.display')]: () => ({ 'text/html': html, 'text/plain': `${rows.length} rows` }) };
}
