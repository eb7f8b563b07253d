import { ascendingOrder } from './ascendingOrder.js';

/**
 * [Holm–Bonferroni](https://en.wikipedia.org/wiki/Holm%E2%80%93Bonferroni_method)
 * step-down adjustment of a family of m p-values. With the p-values sorted
 * ascending, p(1) <= ... <= p(m), the adjusted value of the i-th smallest is
 *
 *   max over j <= i of min(1, (m - j + 1) p(j))
 *
 * which makes the adjusted values monotone in the raw ones and caps them at 1.
 * Rejecting every hypothesis whose adjusted p-value is <= α controls the
 * family-wise error rate at α. Ties keep their input order. An empty family
 * gives an empty result.
 *
 * @param pValues raw p-values, each in [0, 1]; not modified
 * @returns adjusted p-values, in the same order as `pValues`
 * @throws {Error} if a p-value is NaN or outside [0, 1]
 * @example
 * holmAdjust([0.01, 0.04, 0.03, 0.005]); // => [0.03, 0.06, 0.06, 0.02]
 */
export function holmAdjust(pValues: ArrayLike<number>): number[] {
  for (let index = 0; index < pValues.length; index++) {
    const p = pValues[index] as number;
    if (!(p >= 0 && p <= 1)) {
      throw new Error(`holmAdjust: pValues[${index}] must be in [0, 1], got ${p}`);
    }
  }
  const m = pValues.length;
  const ascending = ascendingOrder(pValues);
  const adjusted = new Array<number>(m).fill(1);
  let runningMax = 0;
  for (let rank = 0; rank < m; rank++) {
    const index = ascending[rank] as number;
    runningMax = Math.max(runningMax, Math.min(1, (m - rank) * (pValues[index] as number)));
    adjusted[index] = runningMax;
  }
  return adjusted;
}
