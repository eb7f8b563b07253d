import { chiSquareGoodnessOfFit } from './chiSquareGoodnessOfFit.js';
import type { GoodnessOfFitResult } from './goodnessOfFitResult.js';
import { kolmogorovPValue } from './kolmogorovPValue.js';

/** Tests of a sample against Uniform(0, 1), read from its histogram. */
export interface UniformHistogramTests {
  /** Sample size. */
  n: number;
  /** Kolmogorov-Smirnov statistic at the histogram's bin edges (see {@link uniformHistogramTests}). */
  ksStatistic: number;
  ksPValue: number;
  /** Pearson's chi-square over `chiSquareBins` equal bins (null when n < 10: fewer than 2 bins of 5). */
  chiSquare: GoodnessOfFitResult | null;
}

/**
 * Kolmogorov-Smirnov and binned chi-square tests of a sample against Uniform(0, 1),
 * given as counts in B equal bins of [0, 1) (B a power of two): what a run keeps of its
 * winners' probability integral transforms, in a space that does not grow with rounds.
 *
 * The KS statistic is read at the bin edges, where the empirical CDF is known exactly:
 * D_grid = max_k |C_k / n - k / B| with C_k the count below k / B. The exact D of the
 * sample lies in [D_grid, D_grid + 1/B] (within a bin both the empirical CDF and x move
 * by at most the bin's count and width), and D_grid's p-value is the larger, so the
 * test is conservative by at most 1/B in D (1/65,536 for the model's histogram).
 * The chi-square uses `chiSquareBins` equal bins (a power of two dividing B), halved
 * until each expects at least 5.
 *
 * @param counts counts per bin, B = counts.length a power of two >= 2; not modified
 * @param chiSquareBins bins of the chi-square test (default 32, or B if fewer)
 * @returns the tests (KS p-value 1 and no chi-square for an empty sample)
 * @throws {Error} if B is not a power of two >= 2, or `chiSquareBins` not a power of two in [2, B]
 * @example
 * uniformHistogramTests([3, 1]).ksStatistic; // => 0.25 (3 of 4 below 1/2)
 */
export function uniformHistogramTests(counts: ArrayLike<number>, chiSquareBins = Math.min(32, counts.length)): UniformHistogramTests {
  const B = counts.length;
  const isPowerOfTwo = (x: number) => Number.isInteger(x) && x >= 2 && (x & (x - 1)) === 0;
  if (!isPowerOfTwo(B)) throw new Error(`uniformHistogramTests: the bins must be a power of two >= 2, got ${B}`);
  if (!isPowerOfTwo(chiSquareBins) || chiSquareBins > B) {
    throw new Error(`uniformHistogramTests: chiSquareBins must be a power of two in [2, ${B}], got ${chiSquareBins}`);
  }
  let n = 0;
  for (let k = 0; k < B; k++) n += counts[k] as number;
  if (n === 0) return { n, ksStatistic: 0, ksPValue: 1, chiSquare: null };
  let below = 0;
  let d = 0;
  for (let k = 1; k <= B; k++) {
    below += counts[k - 1] as number;
    d = Math.max(d, Math.abs(below / n - k / B));
  }
  let bins = chiSquareBins;
  while (bins > 2 && n / bins < 5) bins /= 2;
  return { n, ksStatistic: d, ksPValue: kolmogorovPValue(d, n), chiSquare: n / bins >= 5 ? equalBinsChiSquare(counts, bins, n) : null };
}

function equalBinsChiSquare(counts: ArrayLike<number>, bins: number, n: number): GoodnessOfFitResult {
  const width = counts.length / bins;
  const observed = new Array<number>(bins).fill(0);
  for (let k = 0; k < counts.length; k++) {
    const bin = Math.floor(k / width);
    observed[bin] = (observed[bin] as number) + (counts[k] as number);
  }
  return chiSquareGoodnessOfFit(observed, new Array<number>(bins).fill(n / bins));
}
