import type { BetaBinomialCheck, ReplicationsSummary, TrackedAggregate } from '../../replications/aggregate.js';
import type { ValidatorFairness } from '../../stats/index.js';
import type { FitSummary, RunSummary } from '../summary.js';

/**
 * What the report reads from summary.json: the parts of the writer's {@link RunSummary}
 * that it uses, derived from that type rather than declared again, so that the two
 * cannot drift apart. Older results folders (without fairness, concentration, rewards
 * or replications) must still make a report, so every part added after the first
 * version is optional here ({@link Reads}); a test reads the writer's output and
 * the oldest fixture folder through it.
 */
export type ReportSummary = Pick<RunSummary, 'scenario' | 'seed' | 'rules' | 'lottery' | 'validators' | 'rounds' | 'stopReason' | 'endTimeSeconds'> & {
  quirks: SummaryQuirks;
  groups: SummaryGroup[];
  topValidators: SummaryValidator[];
  fairness?: SummaryFairness;
  concentration?: { stake: ConcentrationFigures; blocks: ConcentrationFigures };
  rewards?: { rule?: { kind?: RunSummary['rewards']['rule']['kind'] } };
  replications?: SummaryReplications;
};

/**
 * Of the writer's `T`, the fields the report reads: `Always`, in every version's files,
 * and `Later`, which folders written before they were added lack.
 */
type Reads<T, Always extends keyof T, Later extends keyof T = never> = Pick<T, Always> & Partial<Pick<T, Later>>;

export type SummaryQuirks = Reads<
  RunSummary['quirks'],
  | 'staleBlocksAppended' | 'halt' | 'haltTimeSeconds' | 'announcementsMade' | 'announcementsDelivered' | 'announcementsLost'
  | 'peakThreads' | 'syncMessages' | 'syncBytes' | 'addressCollisions',
  'evictions'
>;

export type SummaryGroup = Reads<
  RunSummary['groups'][number],
  'group' | 'validators' | 'stake' | 'globalShare' | 'wins' | 'expectedWins' | 'winVariance' | 'winShare' | 'expectedShare'
>;

/**
 * A validators.csv row in camelCase; the fairness columns came later, and are null
 * where the writer's number was NaN (JSON has no NaN).
 */
export type SummaryValidator = Reads<
  RunSummary['topValidators'][number],
  'id' | 'group' | 'stake' | 'roundsInPool' | 'wins' | 'expectedWins' | 'globalShare' | 'winShare' | 'expectedShare'
> & { [K in Exclude<keyof ValidatorFairness, 'pError'>]?: ValidatorFairness[K] | null };

/** A goodness-of-fit test as summary.json gives it; the bin counts came later. */
type SummaryTest = Reads<NonNullable<FitSummary['chiSquare']>, 'statistic' | 'degreesOfFreedom' | 'pValue', 'bins' | 'pooledCategories'>;

/** A verdict and its tests; the tests are null when too few rounds left nothing to test. */
export type SummaryFit = Reads<FitSummary, 'verdict', 'totalVariation' | 'expectedTotalVariation'> & {
  chiSquare?: SummaryTest | null;
  gTest?: SummaryTest | null;
};

/** headline, headlineVerdict and winnerPit are absent in folders written before the winner-PIT test. */
export type SummaryFairness = SummaryFit &
  Reads<RunSummary['fairness'], never, 'headline' | 'headlineVerdict'> & {
    global?: SummaryFit;
    winnerPit?: Pick<RunSummary['fairness']['winnerPit'], 'verdict' | 'ksPValue'>;
  };

export type ConcentrationFigures = Reads<
  RunSummary['concentration']['stake'],
  'gini' | 'herfindahlHirschman' | 'nakamoto50' | 'nakamoto33' | 'top1Share' | 'top10Share',
  'shannonEntropyBits' | 'theilIndex'
>;

/** A tracked series across replications, as summary.json gives it (not ../tracked-series.ts, which names its members). */
export type TrackedSeriesSummary = Pick<TrackedAggregate, 'series' | 'initialShare' | 'meanFinalShare' | 'ciLow' | 'ciHigh' | 'sdFinalShare'>;

/** The closed form of a tracked series' wins under constant rewards: BetaBinomial(n, alpha, beta). */
export type BetaBinomialFit = Pick<BetaBinomialCheck, 'series' | 'n' | 'alpha' | 'beta' | 'pValue'>;

export type SummaryReplications = Pick<ReplicationsSummary, 'count'> & {
  tracked: TrackedSeriesSummary[];
  betaBinomial: BetaBinomialFit | null;
};

/** The reward rule's kind, "none" when the summary predates rewards. */
export function rewardsKind(summary: ReportSummary): string {
  return summary.rewards?.rule?.kind ?? 'none';
}

/** Parses summary.json, checking only what every report needs, so that a wrong file fails with its name. */
export function parseSummary(text: string): ReportSummary {
  const value: unknown = JSON.parse(text);
  const s = value as Partial<ReportSummary> | null;
  if (
    typeof s !== 'object' || s === null || typeof s.scenario !== 'string' || typeof s.rounds !== 'number' ||
    !Array.isArray(s.groups) || !Array.isArray(s.topValidators) || typeof s.quirks !== 'object'
  ) {
    throw new Error('not a pos-sim summary (needs scenario, rounds, quirks, groups and topValidators)');
  }
  return s as ReportSummary;
}
