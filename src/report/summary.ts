import type { ModelResult } from '../model/run.js';
import type { ReplicationsSummary } from '../replications/aggregate.js';
import type { ResolvedScenario } from '../scenario/types.js';
import { winnerPitAnalysis, type GoodnessOfFit, type WinnerPitAnalysis } from '../stats/index.js';
import type { ConcentrationSample } from './concentration-csv.js';
import { secondsText } from './format.js';
import { groupTable, type GroupRow, type ValidatorRow, type ValidatorTable } from './validator-table.js';

/** How many validators the summary lists individually. */
export const TOP_VALIDATORS = 10;

/**
 * Why the headline is the winner-PIT test when rewards compound; measured with
 * `pos-sim run scenarios/compounding.yaml --replications 1000` (see the README).
 */
export const COMPOUNDING_NOTE =
  'rewards compound, so each round\'s p depends on earlier wins and the chi-square of win counts is not calibrated ' +
  '(of 1,000 fair replications of compounding.yaml it rejected 2.0% at 1% and 9.9% at 5%); the verdict above is ' +
  'the winner-PIT test, which conditions on each round\'s pool and holds whatever the reward rule';

/** A goodness-of-fit verdict as summary.json shows it. */
export interface FitSummary {
  verdict: string;
  chiSquare: GoodnessOfFit['chiSquare'] | null;
  gTest: GoodnessOfFit['gTest'] | null;
  totalVariation: number | null;
  /** What a fair lottery gives on average (0.09-0.11 is sampling noise on whales, not unfairness). */
  expectedTotalVariation: number | null;
  consistent: boolean | null;
}

/** The headline test: the winner PIT when rewards are on, else the per-round chi-square. */
export type HeadlineTest = 'winner-pit' | 'per-round';

/** summary.json: what a run showed, in one small file. */
export interface RunSummary {
  scenario: string;
  seed: number;
  rules: string;
  lottery: string;
  rewards: ResolvedScenario['rewards'];
  validators: number;
  rounds: number;
  stopReason: string;
  endTimeSeconds: string;
  eventsProcessed: number;
  /** Wins against p = stake / pool stake round by round, and (global) against the seed's stake / total. */
  fairness: FitSummary & {
    alpha: number;
    /** Which verdict {@link summaryText} and report.html put first. */
    headline: HeadlineTest;
    headlineVerdict: string;
    winnerPit: WinnerPitAnalysis;
    global: FitSummary;
    note: string | null;
  };
  /** Final stake and block-production concentration over all validators. */
  concentration: { stake: ConcentrationSample['stake']; blocks: ConcentrationSample['blocks'] };
  /** syncBytes is exact: a number up to 2^53 - 1, beyond that its decimal text (JSON numbers that large lose digits in most readers). */
  quirks: Omit<ModelResult['counters'], 'syncBytes'> & { syncBytes: number | string; haltTimeSeconds: string | null };
  groups: GroupRow[];
  topValidators: ValidatorRow[];
  /** With --replications: what the replications say together. */
  replications?: ReplicationsSummary;
}

export function buildSummary(
  scenario: ResolvedScenario,
  result: ModelResult,
  table: ValidatorTable,
  finalConcentration: ConcentrationSample,
): RunSummary {
  const counters = result.counters;
  const fairness = table.fairness;
  const winnerPit = winnerPitAnalysis(result.pitHistogram, fairness.alpha);
  const rewardsOn = scenario.rewards.rule.kind !== 'none';
  return {
    scenario: scenario.name,
    seed: scenario.seed,
    rules: scenario.rules,
    lottery: scenario.lottery,
    rewards: scenario.rewards,
    validators: scenario.validators.length,
    rounds: counters.rounds,
    stopReason: result.stopReason,
    endTimeSeconds: secondsText(result.endUs),
    eventsProcessed: result.eventsProcessed,
    fairness: {
      alpha: fairness.alpha,
      headline: rewardsOn ? 'winner-pit' : 'per-round',
      headlineVerdict: rewardsOn ? winnerPit.verdict : fairness.verdict,
      ...fitSummary(fairness.verdict, fairness.perRound),
      winnerPit,
      global: fitSummary(fairness.globalVerdict, fairness.global),
      note: rewardsOn ? COMPOUNDING_NOTE : null,
    },
    concentration: { stake: finalConcentration.stake, blocks: finalConcentration.blocks },
    quirks: {
      ...counters,
      syncBytes: exactJsonInteger(counters.syncBytes),
      haltTimeSeconds: counters.halt ? secondsText(counters.halt.timeUs) : null,
    },
    groups: table.groups(),
    topValidators: table.topByStake(TOP_VALIDATORS),
  };
}

/** A count as JSON: a number while a double holds it exactly, its decimal text beyond. */
export function exactJsonInteger(count: bigint): number | string {
  return count <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(count) : count.toString();
}

function fitSummary(verdict: string, fit: GoodnessOfFit | null): FitSummary {
  return {
    verdict,
    chiSquare: fit?.chiSquare ?? null,
    gTest: fit?.gTest ?? null,
    totalVariation: fit?.totalVariation ?? null,
    expectedTotalVariation: fit?.expectedTotalVariation ?? null,
    consistent: fit?.consistent ?? null,
  };
}
