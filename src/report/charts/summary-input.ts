/**
 * What the report reads from summary.json. Written against the file, not against
 * the code that writes it, so that older results folders (without fairness,
 * concentration, rewards or replications) still make a report: every later
 * addition is optional here.
 */
export interface ReportSummary {
  scenario: string;
  seed: number;
  rules: string;
  lottery: string;
  validators: number;
  rounds: number;
  stopReason: string;
  endTimeSeconds: string;
  quirks: SummaryQuirks;
  groups: SummaryGroup[];
  topValidators: SummaryValidator[];
  fairness?: SummaryFairness;
  concentration?: { stake: ConcentrationFigures; blocks: ConcentrationFigures };
  rewards?: { rule?: { kind?: string } };
  replications?: SummaryReplications;
}

export interface SummaryQuirks {
  staleBlocksAppended: number;
  halt: { reason: string; timeUs: number; afterRound: number } | null;
  haltTimeSeconds: string | null;
  announcementsMade: number;
  announcementsDelivered: number;
  announcementsLost: number;
  peakThreads: number;
  syncMessages: number;
  /** A decimal text when beyond 2^53 - 1 (see RunSummary). */
  syncBytes: number | string;
  addressCollisions: number;
  evictions?: number;
}

export interface SummaryGroup {
  group: string;
  validators: number;
  stake: number;
  globalShare: number;
  wins: number;
  expectedWins: number;
  winVariance: number;
  winShare: number;
  expectedShare: number;
}

/** A validators.csv row in camelCase; the columns added later are optional. */
export interface SummaryValidator {
  id: string;
  group: string;
  stake: number;
  roundsInPool: number;
  wins: number;
  expectedWins: number;
  globalShare: number;
  winShare: number;
  expectedShare: number;
  winRate?: number | null;
  expectedRate?: number | null;
  wilsonLow?: number | null;
  wilsonHigh?: number | null;
  z?: number | null;
  pValue?: number | null;
  pHolm?: number | null;
}

export interface GoodnessOfFit {
  statistic: number;
  degreesOfFreedom: number;
  pValue: number;
  bins?: number;
  pooledCategories?: number;
}

/** A verdict and its tests; the tests are null when too few rounds left nothing to test. */
export interface SummaryFit {
  verdict: string;
  chiSquare?: GoodnessOfFit | null;
  gTest?: GoodnessOfFit | null;
  totalVariation?: number | null;
  expectedTotalVariation?: number | null;
}

export interface SummaryFairness extends SummaryFit {
  global?: SummaryFit;
  /** Absent in folders written before the winner-PIT test. */
  headline?: 'winner-pit' | 'per-round';
  headlineVerdict?: string;
  winnerPit?: { verdict: string; ksPValue: number };
}

export interface ConcentrationFigures {
  gini: number;
  herfindahlHirschman: number;
  nakamoto50: number;
  nakamoto33: number;
  top1Share: number;
  top10Share: number;
  shannonEntropyBits?: number;
  theilIndex?: number;
}

/** A tracked series across replications, as summary.json gives it (not ../tracked-series.ts, which names its members). */
export interface TrackedSeriesSummary {
  series: string;
  initialShare: number;
  meanFinalShare: number;
  ciLow: number;
  ciHigh: number;
  sdFinalShare: number;
}

/** The closed form of a tracked series' wins under constant rewards: BetaBinomial(n, alpha, beta). */
export interface BetaBinomialFit {
  series: string;
  n: number;
  alpha: number;
  beta: number;
  pValue: number;
}

export interface SummaryReplications {
  count: number;
  tracked: TrackedSeriesSummary[];
  betaBinomial: BetaBinomialFit | null;
}

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
