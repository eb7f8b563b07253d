/** Numbers as people read them in the report (never used for CSV/JSON). */

export { countText } from '../charts/number-text.js';

/** 0.18173 -> "18.17%"; tiny shares keep two significant digits: 0.0000183 -> "0.0018%". */
export function percentText(share: number): string {
  if (!Number.isFinite(share)) return '–';
  const pct = 100 * share;
  if (pct !== 0 && Math.abs(pct) < 0.01) return `${Number(pct.toPrecision(2))}%`;
  return `${pct.toFixed(2)}%`;
}

/** A p-value: three significant digits, scientific below 0.001. */
export function pValueText(p: number | null | undefined): string {
  if (p === null || p === undefined || !Number.isFinite(p)) return '–';
  if (p !== 0 && p < 1e-3) return p.toExponential(2);
  return String(Number(p.toPrecision(3)));
}

/** A plain figure to `digits` significant digits, e.g. an expected count or a Gini. */
export function figureText(x: number | null | undefined, digits = 4): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return '–';
  return String(Number(x.toPrecision(digits)));
}

/** 1365358096623141 -> "1.37 PB": decimal units, as disk and network sizes are quoted. */
export function bytesText(bytes: number): string {
  const units = ['B', 'kB', 'MB', 'GB', 'TB', 'PB', 'EB'];
  let value = bytes;
  let unit = 0;
  while (Math.abs(value) >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit++;
  }
  return unit === 0 ? `${value} B` : `${value.toFixed(2)} ${units[unit]}`;
}
