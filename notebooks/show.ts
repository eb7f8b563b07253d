/**
 * Shows charts and tables in a notebook. A chart goes out live for JupyterLab or VS Code
 * (the vega-lite mime type) and as SVG drawn without a browser (pos-sim's chartSvg) for
 * an exported HTML page, which then shows it without JavaScript.
 *
 * Each output is sent with Deno.jupyter.display, awaited, followed by a line of text (its
 * caption) and a pause of a few ms: Deno's kernel (2.9) can report a cell done before its
 * last message reaches the notebook, and a headless run (nbconvert) then drops that
 * message. On a loaded machine a chart returned as the cell's value, or displayed last,
 * was lost one run in a few; a chart followed by its caption was not.
 */
import { chartSvg } from 'pos-sim';

// deno-lint-ignore no-explicit-any
type Spec = Record<string, any>;

let charts = 0;

/** Draws a Vega-Lite chart; its title is printed under it. */
export async function show(spec: Spec): Promise<void> {
  const svg = await chartSvg(spec as never, `chart${++charts}`);
  const caption = String(spec.title ?? `chart ${charts}`);
  await Deno.jupyter.display({ 'application/vnd.vegalite.v5+json': spec, 'image/svg+xml': svg, 'text/plain': caption }, { raw: true });
  console.log(`Chart ${charts}: ${caption}`);
  await settle();
}

/** Shows records as an HTML table (the first `limit` rows). */
export async function table(rows: Record<string, unknown>[], limit = 12): Promise<void> {
  const columns = Object.keys(rows[0] ?? {});
  const cell = (v: unknown) => (typeof v === 'number' ? (Number.isInteger(v) ? String(v) : v.toPrecision(4)) : String(v));
  const html =
    `<table><thead><tr>${columns.map((c) => `<th>${c}</th>`).join('')}</tr></thead><tbody>` +
    rows.slice(0, limit).map((r) => `<tr>${columns.map((c) => `<td>${cell(r[c])}</td>`).join('')}</tr>`).join('') +
    '</tbody></table>';
  await Deno.jupyter.display({ 'text/html': html, 'text/plain': `${rows.length} rows` }, { raw: true });
  console.log(`(${Math.min(limit, rows.length)} of ${rows.length} rows)`);
  await settle();
}

/** Lets the kernel send what was displayed and printed before the cell ends. */
function settle(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 25));
}
