import { chiSquareGoodnessOfFit } from './chiSquareGoodnessOfFit.js';
import type { GoodnessOfFitResult } from './goodnessOfFitResult.js';
import { gTestGoodnessOfFit } from './gTestGoodnessOfFit.js';
import { holmAdjust } from './holmAdjust.js';
import { totalVariationDistance } from './totalVariationDistance.js';
import { twoSidedNormalPValue } from './twoSidedNormalPValue.js';
import { wilsonInterval } from './wilsonInterval.js';
import { winZScore } from './winZScore.js';

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
  /** (wins - expected) / sqrt(variance): wins are a sum of independent Bernoulli(p_round). */
  z: number;
  pValue: number;
  /** Holm-adjusted across the validators that were ever in a pool. */
  pHolm: number;
}

export interface GoodnessOfFit {
  chiSquare: GoodnessOfFitResult;
  gTest: GoodnessOfFitResult;
  /** Total variation distance between the win shares and the expected shares. */
  totalVariation: number;
  consistent: boolean;
}

/** {@link ValidatorRecord}s as columns, one entry per validator (for 100,000 validators, objects cost ~10x more). */
export interface ValidatorColumns {
  wins: ArrayLike<number>;
  expectedWins: ArrayLike<number>;
  winVariance: ArrayLike<number>;
  roundsInPool: ArrayLike<number>;
  globalShare: ArrayLike<number>;
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
 * z-score and Holm-adjusted p-value; overall: Pearson chi-square and G-test of win
 * counts against expected counts (categories expected below 5 pooled into one bin).
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
    pHolm: new Float64Array(n),
  };
  const tested: number[] = [];
  for (let i = 0; i < n; i++) {
    validatorFairness(columns.wins[i] as number, columns.expectedWins[i] as number, columns.winVariance[i] as number, columns.roundsInPool[i] as number, validators, i);
    if (!Number.isNaN(validators.pValue[i])) tested.push(i);
  }
  const adjusted = holmAdjust(tested.map((i) => validators.pValue[i] as number));
  tested.forEach((i, k) => (validators.pHolm[i] = adjusted[k] as number));
  const wins = Array.from(columns.wins);
  const perRound = goodnessOfFit(wins, Array.from(columns.expectedWins), alpha);
  const global = goodnessOfFit(wins, Array.from(columns.globalShare, (share) => rounds * share), alpha);
  return {
    validators,
    perRound,
    global,
    alpha,
    verdict: verdictLine('p = stake / pool stake (per round)', perRound, alpha, rounds),
    globalVerdict: verdictLine('the seed\'s p = stake / total stake', global, alpha, rounds),
  };
}

/** Validator i's figures into row i of the columns (NaN if it was never in a pool). */
function validatorFairness(wins: number, expectedWins: number, winVariance: number, roundsInPool: number, out: FairnessColumns, i: number): void {
  if (roundsInPool === 0) {
    for (const column of Object.values(out)) column[i] = NaN;
    return;
  }
  const interval = wilsonInterval(wins, roundsInPool);
  const z = winZScore(wins, expectedWins, winVariance);
  const pValue = twoSidedNormalPValue(z);
  out.winRate[i] = wins / roundsInPool;
  out.expectedRate[i] = expectedWins / roundsInPool;
  out.wilsonLow[i] = interval.lower;
  out.wilsonHigh[i] = interval.upper;
  out.z[i] = z;
  out.pValue[i] = pValue;
  out.pHolm[i] = pValue;
}

/**
 * The per-round chi-square p-value of {@link fairnessAnalysisOfColumns} alone
 * (`perRound?.chiSquare.pValue ?? null`): what a replication keeps, without the
 * per-validator intervals, tests and Holm adjustment it would not read.
 * @example perRoundChiSquareP([30, 10], [20, 20]) // 0.001565 (statistic 10, 1 degree of freedom)
 */
export function perRoundChiSquareP(wins: ArrayLike<number>, expectedWins: ArrayLike<number>): number | null {
  const observed = Array.from(wins);
  const expected = Array.from(expectedWins);
  return testable(observed, expected) ? chiSquareGoodnessOfFit(observed, expected).pValue : null;
}

/** Both tests, or null when pooling leaves fewer than 2 bins (too few rounds). */
function goodnessOfFit(observed: number[], expected: number[], alpha: number): GoodnessOfFit | null {
  if (!testable(observed, expected)) return null;
  const chiSquare = chiSquareGoodnessOfFit(observed, expected);
  return {
    chiSquare,
    gTest: gTestGoodnessOfFit(observed, expected),
    totalVariation: totalVariationDistance(observed, expected),
    consistent: chiSquare.pValue > alpha,
  };
}

/** Some wins, and at least 2 bins once small expected counts are pooled. */
function testable(observed: readonly number[], expected: readonly number[]): boolean {
  return observed.reduce((a, b) => a + b, 0) !== 0 && enoughBins(expected);
}

/** Whether pooling categories expected below 5 (as the tests do) leaves at least 2 bins. */
function enoughBins(expected: readonly number[], minExpected = 5): boolean {
  const large = expected.filter((e) => e >= minExpected).length;
  const pooled = expected.filter((e) => e < minExpected).reduce((a, b) => a + b, 0);
  return large + (pooled >= minExpected ? 1 : 0) >= 2;
}

function verdictLine(claim: string, fit: GoodnessOfFit | null, alpha: number, rounds: number): string {
  if (fit === null) return `${claim}: not testable with ${rounds} round(s) (needs expected counts of at least 5 in two bins)`;
  const p = (x: number) => (x < 1e-4 ? x.toExponential(2) : x.toPrecision(3));
  const pooled = fit.chiSquare.pooledCategories;
  const note = pooled > 0 ? `; ${pooled} validators expected to win fewer than 5 times pooled into one bin` : '';
  const head = fit.consistent ? 'consistent with' : 'NOT consistent with';
  return `${head} ${claim} at the ${100 * alpha}% level (chi-square p = ${p(fit.chiSquare.pValue)}, G-test p = ${p(fit.gTest.pValue)}, ${fit.chiSquare.bins} bins${note})`;
}
