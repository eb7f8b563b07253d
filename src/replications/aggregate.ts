import type { ResolvedScenario } from '../scenario/types.js';
import { betaBinomialPmf, chiSquareGoodnessOfFit, meanConfidenceInterval } from '../stats/index.js';
import type { ReplicationOutcome } from './run-replication.js';

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
  /** Replications whose per-round fairness test rejected at 1% (about 1% expected if the lottery is fair). */
  fairnessRejections: number;
  /** Constant rewards, everyone in every round: wins ~ BetaBinomial(n, a/r, (w-a)/r). */
  betaBinomial: BetaBinomialCheck | null;
  betaBinomialNote: string;
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
  const { check, note } = betaBinomialCheck(scenario, outcomes);
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
    fairnessRejections: outcomes.filter((o) => o.chiSquareP !== null && o.chiSquareP <= 0.01).length,
    betaBinomial: check,
    betaBinomialNote: note,
  };
}

function betaBinomialCheck(
  scenario: ResolvedScenario,
  outcomes: readonly ReplicationOutcome[],
): { check: BetaBinomialCheck | null; note: string } {
  const rule = scenario.rewards.rule;
  if (rule.kind !== 'constant' || scenario.rewards.capStake !== null) {
    return { check: null, note: 'no closed form: it needs a constant reward per block and no cap' };
  }
  if (!outcomes.every((o) => o.fullParticipation)) {
    return { check: null, note: 'no closed form: not every validator took part in every round' };
  }
  const first = outcomes[0];
  const n = first?.rounds ?? 0;
  if (!first || n === 0 || !outcomes.every((o) => o.rounds === n)) {
    return { check: null, note: 'no closed form: replications ran different numbers of rounds' };
  }
  const index = first.series.findIndex((s) => scenario.validators.some((v) => v.id === s.name));
  if (index < 0) return { check: null, note: 'no closed form: no single validator is tracked' };
  const series = first.series[index] as { name: string; initialStake: number };
  // A Pólya urn counted in units of the reward r: the validator holds a/r of w/r balls.
  const alpha = series.initialStake / rule.amount;
  const beta = (first.initialTotalStake - series.initialStake) / rule.amount;
  const counts = new Array<number>(n + 1).fill(0);
  for (const o of outcomes) counts[(o.series[index] as { wins: number }).wins]! += 1;
  const pmf = counts.map((_, k) => outcomes.length * betaBinomialPmf(k, n, alpha, beta));
  const { observed, expected } = contiguousBins(counts, pmf, Math.max(5, outcomes.length / 10));
  if (observed.length < 2) {
    return { check: null, note: `no closed-form test: ${outcomes.length} replications are too few for two bins of 5 expected` };
  }
  const fit = chiSquareGoodnessOfFit(observed, expected);
  const consistent = fit.pValue > 0.01;
  return {
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
    e += expected[k] as number;
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
