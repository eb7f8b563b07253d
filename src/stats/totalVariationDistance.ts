import { sum } from 'simple-statistics';
import { assertNonNegativeList } from './assertNonNegativeList.js';

/**
 * [Total variation distance](https://en.wikipedia.org/wiki/Total_variation_distance_of_probability_measures)
 * between two distributions over the same categories, each given as counts or
 * weights and normalised to sum 1 first: TV = ½ Σ |p_i - q_i|. It is the
 * largest difference in probability the two assign to any set of categories,
 * in [0, 1].
 *
 * @param p counts or weights per category; not modified
 * @param q counts or weights per category, same length as `p`; not modified
 * @returns the distance, in [0, 1]
 * @throws {Error} if either list is empty, holds a negative or non-finite
 *   value, sums to 0, or the lengths differ
 * @example
 * totalVariationDistance([30, 70], [1, 1]); // => 0.19999999999999998 (0.2 up to rounding)
 */
export function totalVariationDistance(p: ArrayLike<number>, q: ArrayLike<number>): number {
  assertNonNegativeList(p, 'totalVariationDistance', 'p');
  assertNonNegativeList(q, 'totalVariationDistance', 'q');
  if (p.length !== q.length) {
    throw new Error(`totalVariationDistance: p and q must have the same length, got ${p.length} and ${q.length}`);
  }
  const pTotal = sum(p as number[]); // simple-statistics reads any array-like
  const qTotal = sum(q as number[]);
  if (pTotal === 0 || qTotal === 0) {
    throw new Error(`totalVariationDistance: p and q must each have a positive total, got ${pTotal} and ${qTotal}`);
  }
  const gaps = new Float64Array(p.length);
  for (let index = 0; index < p.length; index++) gaps[index] = Math.abs((p[index] as number) / pTotal - (q[index] as number) / qTotal);
  return sum(gaps as unknown as number[]) / 2;
}
