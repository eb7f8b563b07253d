/** Number formatting shared by every output file, so that the same run gives the same bytes. */

/** Virtual µs as seconds with up to six decimals and no float noise, e.g. 10000500 -> "10.0005". */
export function secondsText(us: number): string {
  const whole = Math.floor(us / 1e6);
  const frac = us - whole * 1e6;
  return frac === 0 ? String(whole) : `${whole}.${String(frac).padStart(6, '0').replace(/0+$/, '')}`;
}

/** A ratio for CSV/JSON: shortest round-trip decimal (JavaScript's own), NaN/Infinity as empty. */
export function ratioText(x: number): string {
  return Number.isFinite(x) ? String(x) : '';
}

/** Rounds a figure for human-readable output (never used for CSV/JSON numbers). */
export function round(x: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}
