import { uniformHistogramTests, type UniformHistogramTests } from './uniformHistogramTests.js';

/** The winner-PIT test of a run (see {@link winnerPitAnalysis}). */
export interface WinnerPitAnalysis extends UniformHistogramTests {
  alpha: number;
  /** The KS p-value is above alpha (the KS test is the verdict; the chi-square is reported beside it). */
  consistent: boolean | null;
  verdict: string;
}

/** Rounds below which the KS p-value's approximation is not checked (see kolmogorovPValue). */
const MIN_ROUNDS = 50;

/**
 * Is every round's draw fair, whatever the reward rule? Under a fair lottery each
 * round's winner PIT (the model's WinnerPit: the winner's place among the pool's
 * tickets, randomized within its own range) is Uniform(0, 1) given the past, so the
 * run's PITs are i.i.d. uniform even when rewards make the pools depend on earlier
 * wins, where the chi-square of win counts is not calibrated. The verdict is the
 * Kolmogorov-Smirnov test at `alpha`; the 32-bin chi-square is reported beside it.
 *
 * @param histogram the PITs' counts in equal bins of [0, 1) (a power of two of them)
 * @param alpha significance level (default 0.01)
 * @returns both tests and a one-line verdict (untested below 50 rounds)
 * @example
 * winnerPitAnalysis(new Uint32Array(65536)).verdict;
 * // => 'winner PIT: not testable with 0 round(s) (needs 50)'
 */
export function winnerPitAnalysis(histogram: ArrayLike<number>, alpha = 0.01): WinnerPitAnalysis {
  const tests = uniformHistogramTests(histogram);
  if (tests.n < MIN_ROUNDS) {
    return { ...tests, alpha, consistent: null, verdict: `winner PIT: not testable with ${tests.n} round(s) (needs ${MIN_ROUNDS})` };
  }
  const p = (x: number) => (x < 1e-4 ? x.toExponential(2) : x.toPrecision(3));
  const consistent = tests.ksPValue > alpha;
  const chi = tests.chiSquare ? `, ${tests.chiSquare.bins}-bin chi-square p = ${p(tests.chiSquare.pValue)}` : '';
  return {
    ...tests,
    alpha,
    consistent,
    verdict:
      `${consistent ? 'consistent with' : 'NOT consistent with'} a fair draw in every round at the ${100 * alpha}% level ` +
      `(winner PIT over ${tests.n} rounds: KS p = ${p(tests.ksPValue)}${chi}; valid under any reward rule)`,
  };
}
