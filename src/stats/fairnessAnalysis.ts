import { binomialApproximationBound } from './binomialApproximationBound.js';
import { binomialTwoSidedPValue } from './binomialTwoSidedPValue.js';
import { chiSquareGoodnessOfFit } from './chiSquareGoodnessOfFit.js';
import { expectedAbsoluteDeviation } from './expectedAbsoluteDeviation.js';
import type { GoodnessOfFitResult } from './goodnessOfFitResult.js';
import { gTestGoodnessOfFit } from './gTestGoodnessOfFit.js';
import { holmAdjust } from './holmAdjust.js';
import { pmfTwoSidedPValue } from './pmfTwoSidedPValue.js';
import { poolByExpectedOrder, type OrderedBins } from './poolByExpectedOrder.js';
import { totalVariationDistance } from './totalVariationDistance.js';
import { wilsonInterval } from './wilsonInterval.js';
import { winZScore } from './winZScore.js';

/** Least expected count of a bin of the goodness-of-fit tests. */
const MIN_EXPECTED = 5;
/** The bins are made here (poolByExpectedOrder): the tests must pool nothing more. */
const NO_MORE_POOLING = { minExpected: Number.MIN_VALUE };

/** One validator's record over a run. */
export interface ValidatorRecord {
  wins: number;
  /** Sum over its rounds in the pool of p = stake / pool stake. */
  expectedWins: number;
  /** Sum over its rounds in the pool of p(1 - p). */
  winVariance: number;
  roundsInPool: number;
  /** stake / total stake (the seed's claimed p). */
  globalShare: number;
}

export interface ValidatorFairness {
  /** wins / rounds in the pool (NaN if never in a pool). */
  winRate: number;
  /** expected wins / rounds in the pool. */
  expectedRate: number;
  /** 95% Wilson interval of winRate. */
  wilsonLow: number;
  wilsonHigh: number;
  /**
   * The martingale z: Σ over its rounds of (win - p), over sqrt(Σ p(1 - p)). Valid
   * whatever the reward rule (approximately normal for large variances).
   */
  z: number;
  /**
   * Two-sided p-value of the wins, twice the smaller tail (not mid-p): exact
   * (Poisson-binomial) where the columns give the masses, else from
   * Binomial(rounds in pool, expected / rounds in pool).
   */
  pValue: number;
  /** A bound on |pValue - the exact p-value|: 0 where exact, else twice Ehm's bound (see binomialApproximationBound). */
  pError: number;
  /** Holm-adjusted across the validators that were ever in a pool. */
  pHolm: number;
}

export interface GoodnessOfFit {
  chiSquare: GoodnessOfFitResult;
  gTest: GoodnessOfFitResult;
  /** Total variation distance between the win shares and the expected shares. */
  totalVariation: number;
  /** What a fair lottery gives on average: Σ E|W_i - μ_i| / (2 rounds) (see expectedAbsoluteDeviation). */
  expectedTotalVariation: number;
  /** Bins of more than one validator (the chi-square's `pooledCategories` counts their validators). */
  mergedBins: number;
  consistent: boolean;
}

/** {@link ValidatorRecord}s as columns, one entry per validator (for 100,000 validators, objects cost ~10x more). */
export interface ValidatorColumns {
  wins: ArrayLike<number>;
  expectedWins: ArrayLike<number>;
  winVariance: ArrayLike<number>;
  roundsInPool: ArrayLike<number>;
  globalShare: ArrayLike<number>;
  /**
   * P(W = k), k = 0.., of validator i's wins under the null, where known exactly (the
   * model keeps them for small expected counts, see ExactWinSums); null, or absent:
   * the binomial approximation.
   */
  exactMasses?: (i: number) => Float64Array | null;
}

/** {@link ValidatorFairness} as columns. */
export type FairnessColumns = { [K in keyof ValidatorFairness]: Float64Array };

/** {@link FairnessAnalysis} with the per-validator results as columns. */
export interface ColumnFairnessAnalysis extends Omit<FairnessAnalysis, 'validators'> {
  validators: FairnessColumns;
}

export interface FairnessAnalysis {
  validators: ValidatorFairness[];
  /** Wins against the sum of per-round p = stake / pool stake (null: too few rounds to test). */
  perRound: GoodnessOfFit | null;
  /** Wins against rounds x stake / total stake, the seed's claim (null: too few rounds). */
  global: GoodnessOfFit | null;
  alpha: number;
  verdict: string;
  globalVerdict: string;
}

/**
 * Does the run's win record follow p = stake / pool stake, round by round, and does it
 * follow the seed's global claim p = stake / total? Per validator: rate, Wilson interval,
 * martingale z-score, and the p-value of its wins (exact where the masses are given,
 * binomial otherwise, with a bound on its error), Holm-adjusted; overall: Pearson
 * chi-square and G-test of win counts against expected counts, validators sorted by
 * expected count and neighbours merged until each bin expects at least 5, and the
 * total variation distance beside the value a fair lottery gives on average.
 * @param rounds lottery draws in the run (the total of all wins)
 * @param alpha significance level of the verdicts
 * @example fairnessAnalysis([{wins: 30, expectedWins: 20, winVariance: 10, roundsInPool: 40, globalShare: 0.5},
 *   {wins: 10, expectedWins: 20, winVariance: 10, roundsInPool: 40, globalShare: 0.5}], 40).perRound.chiSquare.pValue
 *   // 0.001565 (statistic 10, 1 degree of freedom)
 */
export function fairnessAnalysis(records: readonly ValidatorRecord[], rounds: number, alpha = 0.01): FairnessAnalysis {
  const columns: ValidatorColumns = {
    wins: records.map((r) => r.wins),
    expectedWins: records.map((r) => r.expectedWins),
    winVariance: records.map((r) => r.winVariance),
    roundsInPool: records.map((r) => r.roundsInPool),
    globalShare: records.map((r) => r.globalShare),
  };
  const analysis = fairnessAnalysisOfColumns(columns, rounds, alpha);
  const v = analysis.validators;
  return {
    ...analysis,
    validators: records.map((_, i) => ({
      winRate: v.winRate[i] as number,
      expectedRate: v.expectedRate[i] as number,
      wilsonLow: v.wilsonLow[i] as number,
      wilsonHigh: v.wilsonHigh[i] as number,
      z: v.z[i] as number,
      pValue: v.pValue[i] as number,
      pError: v.pError[i] as number,
      pHolm: v.pHolm[i] as number,
    })),
  };
}

/**
 * {@link fairnessAnalysis} of validators given as columns, with the per-validator
 * results as columns: the same figures, at a tenth of the memory for many validators.
 * @example fairnessAnalysisOfColumns({wins: [30, 10], expectedWins: [20, 20], winVariance: [10, 10],
 *   roundsInPool: [40, 40], globalShare: [0.5, 0.5]}, 40).validators.z // Float64Array [3.162..., -3.162...]
 */
export function fairnessAnalysisOfColumns(columns: ValidatorColumns, rounds: number, alpha = 0.01): ColumnFairnessAnalysis {
  const n = columns.wins.length;
  const validators: FairnessColumns = {
    winRate: new Float64Array(n),
    expectedRate: new Float64Array(n),
    wilsonLow: new Float64Array(n),
    wilsonHigh: new Float64Array(n),
    z: new Float64Array(n),
    pValue: new Float64Array(n),
    pError: new Float64Array(n),
    pHolm: new Float64Array(n),
  };
  const deviations = validatorFigures(columns, rounds, validators);
  adjustHolm(validators);
  const perRound = goodnessOfFit(columns.wins, columns.expectedWins, alpha, deviations.perRound / (2 * rounds));
  const globalExpected = new Float64Array(n);
  for (let i = 0; i < n; i++) globalExpected[i] = rounds * (columns.globalShare[i] as number);
  const global = goodnessOfFit(columns.wins, globalExpected, alpha, deviations.global / (2 * rounds));
  return {
    validators,
    perRound,
    global,
    alpha,
    verdict: verdictLine('p = stake / pool stake (per round)', perRound, alpha, rounds),
    globalVerdict: verdictLine('the seed\'s p = stake / total stake', global, alpha, rounds),
  };
}

/**
 * Every validator's figures into `out` (row i for validator i; pHolm as the unadjusted
 * p-value, adjusted by the caller), and Σ E|W_i - μ_i| over them under each null (per
 * round and global), for the TVD a fair lottery gives on average.
 *
 * A validator whose inputs equal an earlier one's (the same wins, expected wins,
 * variance, rounds in the pool and masses, common where many hold one stake) gets that
 * one's figures, copied; the last validator seen per expected count is kept. Likewise
 * the global deviation per mean. At 1,000,000 validators of 1,180 stakes this was some
 * 0.5 s.
 */
export function validatorFigures(columns: ValidatorColumns, rounds: number, out: FairnessColumns): { perRound: number; global: number } {
  let perRound = 0;
  let global = 0;
  const earlier = new Map<number, EarlierValidator>();
  const outColumns = Object.values(out);
  const globalDeviations = new Map<number, number>();
  for (let i = 0; i < columns.wins.length; i++) {
    const masses = columns.exactMasses?.(i) ?? null;
    const wins = columns.wins[i] as number;
    const expected = columns.expectedWins[i] as number;
    const variance = columns.winVariance[i] as number;
    const roundsInPool = columns.roundsInPool[i] as number;
    const known = earlier.get(expected);
    if (known !== undefined && known.wins === wins && known.variance === variance && known.roundsInPool === roundsInPool && known.masses === masses) {
      copyRow(outColumns, known.row, i);
      perRound += known.deviation;
    } else {
      validatorFairness(wins, expected, variance, roundsInPool, masses, out, i);
      const deviation = expectedAbsoluteDeviation(masses, Math.min(expected, roundsInPool), roundsInPool);
      earlier.set(expected, { wins, variance, roundsInPool, masses, row: i, deviation });
      perRound += deviation;
    }
    const globalMean = rounds * (columns.globalShare[i] as number);
    let deviation = globalDeviations.get(globalMean);
    if (deviation === undefined) globalDeviations.set(globalMean, (deviation = expectedAbsoluteDeviation(null, globalMean, rounds)));
    global += deviation;
  }
  return { perRound, global };
}

/** A validator's inputs to {@link validatorFairness}, the row its figures are in, and its expected absolute deviation. */
interface EarlierValidator {
  wins: number;
  variance: number;
  roundsInPool: number;
  masses: Float64Array | null;
  row: number;
  deviation: number;
}

/** pHolm: the p-values of the validators that were ever in a pool (not NaN), Holm-adjusted across them. */
function adjustHolm(out: FairnessColumns): void {
  const n = out.pValue.length;
  let testedCount = 0;
  for (let i = 0; i < n; i++) if (!Number.isNaN(out.pValue[i])) testedCount++;
  const tested = new Int32Array(testedCount);
  const pValues = new Float64Array(testedCount);
  for (let i = 0, k = 0; i < n; i++) {
    if (Number.isNaN(out.pValue[i])) continue;
    tested[k] = i;
    pValues[k++] = out.pValue[i] as number;
  }
  const adjusted = holmAdjust(pValues);
  for (let k = 0; k < testedCount; k++) out.pHolm[tested[k] as number] = adjusted[k] as number;
}

/** Row `from`'s figures into row `to`, in every column (before the Holm adjustment, which comes after every row). */
function copyRow(columns: readonly Float64Array[], from: number, to: number): void {
  for (const column of columns) column[to] = column[from] as number;
}

/** Validator i's figures into row i of the columns (NaN if it was never in a pool). */
function validatorFairness(
  wins: number,
  expectedWins: number,
  winVariance: number,
  roundsInPool: number,
  masses: Float64Array | null,
  out: FairnessColumns,
  i: number,
): void {
  if (roundsInPool === 0) {
    for (const column of Object.values(out)) column[i] = NaN;
    return;
  }
  const interval = wilsonInterval(wins, roundsInPool);
  const exact = masses !== null;
  const pValue = exact
    ? pmfTwoSidedPValue(masses, wins, expectedWins)
    : binomialTwoSidedPValue(wins, roundsInPool, Math.min(1, expectedWins / roundsInPool));
  out.winRate[i] = wins / roundsInPool;
  out.expectedRate[i] = expectedWins / roundsInPool;
  out.wilsonLow[i] = interval.lower;
  out.wilsonHigh[i] = interval.upper;
  out.z[i] = winZScore(wins, expectedWins, winVariance);
  out.pValue[i] = pValue;
  out.pError[i] = exact ? 0 : Math.min(1, 2 * binomialApproximationBound(roundsInPool, Math.min(roundsInPool, expectedWins), winVariance));
  out.pHolm[i] = pValue;
}

/**
 * The per-round chi-square p-value of {@link fairnessAnalysisOfColumns} alone
 * (`perRound?.chiSquare.pValue ?? null`): what a replication keeps, without the
 * per-validator intervals, tests and Holm adjustment it would not read.
 * @example perRoundChiSquareP([30, 10], [20, 20]) // 0.001565 (statistic 10, 1 degree of freedom)
 */
export function perRoundChiSquareP(wins: ArrayLike<number>, expectedWins: ArrayLike<number>): number | null {
  const bins = testableBins(wins, expectedWins);
  return bins === null ? null : chiSquareGoodnessOfFit(bins.observed, bins.expected, NO_MORE_POOLING).pValue;
}

/** Both tests, or null when the bins are fewer than 2 (too few rounds). */
function goodnessOfFit(observed: ArrayLike<number>, expected: ArrayLike<number>, alpha: number, expectedTotalVariation: number): GoodnessOfFit | null {
  const bins = testableBins(observed, expected);
  if (bins === null) return null;
  const pooled = { pooledCategories: bins.pooledCategories };
  const chiSquare = { ...chiSquareGoodnessOfFit(bins.observed, bins.expected, NO_MORE_POOLING), ...pooled };
  return {
    chiSquare,
    gTest: { ...gTestGoodnessOfFit(bins.observed, bins.expected, NO_MORE_POOLING), ...pooled },
    totalVariation: totalVariationDistance(observed, expected),
    expectedTotalVariation,
    mergedBins: bins.mergedBins,
    consistent: chiSquare.pValue > alpha,
  };
}

/** The bins of {@link poolByExpectedOrder}, or null if there are no wins or fewer than 2 bins. */
function testableBins(observed: ArrayLike<number>, expected: ArrayLike<number>): OrderedBins | null {
  if (total(observed) === 0) return null;
  const bins = poolByExpectedOrder(observed, expected, MIN_EXPECTED);
  return bins.expected.length >= 2 ? bins : null;
}

/** The entries' sum, in order (a typed array's reduce would box each entry for its callback). */
function total(values: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 0; i < values.length; i++) sum += values[i] as number;
  return sum;
}

function verdictLine(claim: string, fit: GoodnessOfFit | null, alpha: number, rounds: number): string {
  if (fit === null) return `${claim}: not testable with ${rounds} round(s) (needs at least 2 x 5 expected wins in all)`;
  const p = (x: number) => (x < 1e-4 ? x.toExponential(2) : x.toPrecision(3));
  const bins = fit.chiSquare.bins;
  const how =
    fit.mergedBins === 0
      ? `${bins} bins, one per validator`
      : `${bins} bins: validators sorted by expected wins, neighbours merged until each bin expects at least 5 ` +
        `(${fit.chiSquare.pooledCategories} validators in ${fit.mergedBins} merged bin${fit.mergedBins === 1 ? '' : 's'})`;
  const head = fit.consistent ? 'consistent with' : 'NOT consistent with';
  return `${head} ${claim} at the ${100 * alpha}% level (chi-square p = ${p(fit.chiSquare.pValue)}, G-test p = ${p(fit.gTest.pValue)}; ${how})`;
}
