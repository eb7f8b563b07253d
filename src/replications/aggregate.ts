import type { ResolvedScenario } from '../scenario/types.js';
import { betaBinomialPmf, binomialPmf, chiSquareGoodnessOfFit, meanConfidenceInterval } from '../stats/index.js';
import type { ReplicationOutcome } from './run-replication.js';
import { elementAt } from '../lists/element-at.js';

export interface TrackedAggregate {
  series: string;
  initialShare: number;
  meanFinalShare: number;
  /** 95% Student-t interval of the mean final share. */
  ciLow: number;
  ciHigh: number;
  sdFinalShare: number;
  meanWinShare: number;
  /** The martingale property: the expected final share equals the initial one. */
  initialInsideInterval: boolean;
}

export interface BetaBinomialCheck {
  series: string;
  /** Rounds per replication. */
  n: number;
  alpha: number;
  beta: number;
  statistic: number;
  degreesOfFreedom: number;
  pValue: number;
  bins: number;
  pooledCategories: number;
  verdict: string;
}

export interface ReplicationsSummary {
  count: number;
  tracked: TrackedAggregate[];
  martingaleVerdict: string;
  meanFinalStakeGini: number;
  meanFinalStakeNakamoto50: number;
  /** Replications whose per-round chi-square rejected at 1% (about 1% expected if the lottery is fair and there are no rewards). */
  fairnessRejections: number;
  /** The same at 5%. */
  fairnessRejectionsAt5: number;
  /** Replications whose winner-PIT test (KS) rejected at 1%, and at 5%: calibrated under any reward rule. */
  pitRejections: number;
  pitRejectionsAt5: number;
  /** Constant rewards, everyone in every round: wins ~ BetaBinomial(n, a/r, (w-a)/r). */
  betaBinomial: BetaBinomialCheck | null;
  /** No rewards, everyone in every round: wins ~ Binomial(n, a/w). */
  binomial: ClosedFormCheck | null;
  betaBinomialNote: string;
}

/** A tracked validator's wins across replications against a closed form. */
export interface ClosedFormCheck {
  series: string;
  n: number;
  /** Its share of the stake: the p of every round. */
  share: number;
  statistic: number;
  degreesOfFreedom: number;
  pValue: number;
  bins: number;
  verdict: string;
}

/** What the replications say together: the martingale check, the spread, and the closed form where it applies. */
export function aggregateReplications(scenario: ResolvedScenario, outcomes: readonly ReplicationOutcome[]): ReplicationsSummary {
  const seriesNames = outcomes[0]?.series.map((s) => s.name) ?? [];
  const tracked = seriesNames.map((name, j): TrackedAggregate => {
    const finals = outcomes.map((o) => (o.series[j] as { finalStakeShare: number }).finalStakeShare);
    const initialShare = (outcomes[0]?.series[j] as { initialStakeShare: number }).initialStakeShare;
    const interval = outcomes.length >= 2 ? meanConfidenceInterval(finals) : { mean: finals[0] ?? NaN, standardDeviation: NaN, lower: NaN, upper: NaN };
    return {
      series: name,
      initialShare,
      meanFinalShare: interval.mean,
      ciLow: interval.lower,
      ciHigh: interval.upper,
      sdFinalShare: interval.standardDeviation,
      meanWinShare: mean(outcomes.map((o) => (o.series[j] as { winShare: number }).winShare)),
      // A share that cannot move (no rewards) has a zero-width interval at the initial share.
      initialInsideInterval: initialShare >= interval.lower - 1e-12 && initialShare <= interval.upper + 1e-12,
    };
  });
  const outside = tracked.filter((t) => !t.initialInsideInterval).map((t) => t.series);
  const { check, binomial, note } = closedFormCheck(scenario, outcomes);
  const rejectedAt = (level: number, p: (o: ReplicationOutcome) => number | null) =>
    outcomes.filter((o) => {
      const value = p(o);
      return value !== null && value <= level;
    }).length;
  return {
    count: outcomes.length,
    tracked,
    martingaleVerdict:
      outcomes.length < 2
        ? 'needs at least 2 replications'
        : outside.length === 0
          ? 'consistent with the martingale property: every tracked initial share lies inside the 95% interval of its mean final share'
          : `initial share outside the 95% interval of the mean final share for: ${outside.join(', ')} (about 1 in 20 series is expected by chance)`,
    meanFinalStakeGini: mean(outcomes.map((o) => o.stakeGini)),
    meanFinalStakeNakamoto50: mean(outcomes.map((o) => o.stakeNakamoto50)),
    fairnessRejections: rejectedAt(0.01, (o) => o.chiSquareP),
    fairnessRejectionsAt5: rejectedAt(0.05, (o) => o.chiSquareP),
    pitRejections: rejectedAt(0.01, (o) => o.pitP),
    pitRejectionsAt5: rejectedAt(0.05, (o) => o.pitP),
    betaBinomial: check,
    binomial,
    betaBinomialNote: note,
  };
}

/**
 * A tracked validator's wins across replications against their closed form, where one
 * applies: everyone in every round, and either no rewards (each round p = a/w, so
 * Binomial(n, a/w)) or a constant reward r and no cap (a Pólya urn:
 * BetaBinomial(n, a/r, (w-a)/r)).
 */
function closedFormCheck(
  scenario: ResolvedScenario,
  outcomes: readonly ReplicationOutcome[],
): { check: BetaBinomialCheck | null; binomial: ClosedFormCheck | null; note: string } {
  const none = { check: null, binomial: null };
  const rule = scenario.rewards.rule;
  if ((rule.kind !== 'constant' && rule.kind !== 'none') || scenario.rewards.capStake !== null) {
    return { ...none, note: 'no closed form: it needs no rewards, or a constant reward per block and no cap' };
  }
  if (!outcomes.every((o) => o.fullParticipation)) {
    return { ...none, note: 'no closed form: not every validator took part in every round' };
  }
  const first = outcomes[0];
  const n = first?.rounds ?? 0;
  if (!first || n === 0 || !outcomes.every((o) => o.rounds === n)) {
    return { ...none, note: 'no closed form: replications ran different numbers of rounds' };
  }
  const index = first.series.findIndex((s) => scenario.validators.some((v) => v.id === s.name));
  if (index < 0) return { ...none, note: 'no closed form: no single validator is tracked' };
  const series = first.series[index] as { name: string; initialStake: number };
  const counts = new Array<number>(n + 1).fill(0);
  for (const o of outcomes) counts[(o.series[index] as { wins: number }).wins]! += 1;
  if (rule.kind === 'none') {
    const share = series.initialStake / first.initialTotalStake;
    const fit = closedFormFit(counts, (k) => binomialPmf(k, n, share), outcomes.length);
    if (fit === null) return { ...none, note: `no closed-form test: ${outcomes.length} replications are too few for two bins of 5 expected` };
    const consistent = fit.pValue > 0.01;
    return {
      check: null,
      binomial: {
        series: series.name,
        n,
        share,
        ...fit,
        verdict: `${series.name}'s wins ${consistent ? 'are consistent with' : 'do NOT follow'} Binomial(${n}, ${share.toPrecision(4)}) at the 1% level (chi-square p = ${fit.pValue.toPrecision(3)}, ${fit.bins} bins)`,
      },
      note: '',
    };
  }
  return betaBinomialCheck(series, counts, n, first.initialTotalStake, rule.amount, outcomes.length);
}

/** The chi-square of replications' win counts against a closed form's masses, or null if fewer than 2 bins. */
function closedFormFit(counts: readonly number[], pmf: (k: number) => number, replications: number) {
  const expected = counts.map((_, k) => replications * pmf(k));
  const { observed, expected: binned } = contiguousBins(counts, expected, Math.max(5, replications / 10));
  return observed.length < 2 ? null : chiSquareGoodnessOfFit(observed, binned);
}

function betaBinomialCheck(
  series: { name: string; initialStake: number },
  counts: readonly number[],
  n: number,
  initialTotalStake: number,
  reward: number,
  replications: number,
): { check: BetaBinomialCheck | null; binomial: null; note: string } {
  // A Pólya urn counted in units of the reward r: the validator holds a/r of w/r balls.
  const alpha = series.initialStake / reward;
  const beta = (initialTotalStake - series.initialStake) / reward;
  const fit = closedFormFit(counts, (k) => betaBinomialPmf(k, n, alpha, beta), replications);
  if (fit === null) {
    return { check: null, binomial: null, note: `no closed-form test: ${replications} replications are too few for two bins of 5 expected` };
  }
  const consistent = fit.pValue > 0.01;
  return {
    binomial: null,
    check: {
      series: series.name,
      n,
      alpha,
      beta,
      ...fit,
      verdict: `${series.name}'s wins ${consistent ? 'are consistent with' : 'do NOT follow'} BetaBinomial(${n}, ${alpha}, ${beta}) at the 1% level (chi-square p = ${fit.pValue.toPrecision(3)}, ${fit.bins} bins)`,
    },
    note: '',
  };
}

/**
 * Groups consecutive win counts 0..n into bins holding at least `target` expected
 * replications each (the last remainder joins the bin before it), so the chi-square
 * test sees a few well-filled bins instead of hundreds of near-empty ones.
 */
function contiguousBins(counts: readonly number[], expected: readonly number[], target: number) {
  const observed: number[] = [];
  const binned: number[] = [];
  let o = 0;
  let e = 0;
  counts.forEach((count, k) => {
    o += count;
    e += elementAt(expected, k, 'expected count');
    if (e >= target) {
      observed.push(o);
      binned.push(e);
      o = 0;
      e = 0;
    }
  });
  if (binned.length > 0) {
    observed[observed.length - 1]! += o;
    binned[binned.length - 1]! += e;
  }
  return { observed, expected: binned };
}

const mean = (xs: readonly number[]): number => (xs.length === 0 ? NaN : xs.reduce((a, b) => a + b, 0) / xs.length);
