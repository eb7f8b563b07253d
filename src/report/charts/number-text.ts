/** 4985 -> "4,985": counts in titles and tables. */
export function countText(n: number): string {
  return String(Math.round(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/**
 * Axis labels of a log scale: plain decimals down to 0.001, powers of ten below
 * ("1e-5"), so that labels stay short at every depth.
 */
export const LOG_AXIS_LABEL = "datum.value >= 0.001 ? format(datum.value, '~g') : format(datum.value, '.0e')";

/** The powers of ten inside a domain: the ticks of a log axis, without the crowd of minor ones. */
export function decadeTicks(domain: readonly [number, number]): number[] {
  const ticks: number[] = [];
  for (let k = Math.ceil(Math.log10(domain[0])); k <= Math.floor(Math.log10(domain[1])); k++) ticks.push(Number(`1e${k}`));
  return ticks;
}

/**
 * Axis labels for counts that may run into millions: 500, 1.5k, 20M. A label
 * expression rather than a format, because an axis format picks one SI prefix
 * for all its ticks ("0.5k, 1k, 1.5k").
 */
export const COUNT_AXIS_LABEL = "format(datum.value, '.3~s')";
