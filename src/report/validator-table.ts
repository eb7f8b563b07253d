import type { ModelResult } from '../model/run.js';
import type { ResolvedScenario } from '../scenario/types.js';
import { EXACT_MASSES } from '../model/counting/exact-win-sums.js';
import { fairnessAnalysisOfColumns, poissonBinomialMasses, wilsonInterval, type ColumnFairnessAnalysis, type ValidatorFairness } from '../stats/index.js';

/** One validator's figures, as validators.csv and the summary show them; the fairness columns come last. */
export interface ValidatorRow extends ValidatorFairness {
  id: string;
  group: string;
  address: string;
  balance: string;
  /** Stake at the end (grown by rewards, if any). */
  stake: number;
  /** Stake as typed at connect. */
  initialStake: number;
  blocksSubmitted: number;
  roundsInPool: number;
  wins: number;
  /** Sum over its rounds in the pool of p = stake / pool stake. */
  expectedWins: number;
  /** Sum over its rounds in the pool of p(1 - p). */
  winVariance: number;
  /** Initial stake / total initial stake of all validators: the seed's claimed p. */
  globalShare: number;
  /** wins / rounds. */
  winShare: number;
  /** expectedWins / rounds. */
  expectedShare: number;
  announcementsReceived: number;
}

/**
 * The per-validator table of a finished run, in scenario order, and the fairness tests
 * behind its last columns. Rows are made one at a time when asked for ({@link row},
 * {@link rows}): at 100,000 validators a table of row objects took ~80 MB.
 */
export class ValidatorTable {
  readonly fairness: ColumnFairnessAnalysis;
  private readonly globalShare: Float64Array;

  constructor(
    private readonly scenario: ResolvedScenario,
    private readonly result: ModelResult,
  ) {
    const v = result.validators;
    const totalInitial = v.initialStake.reduce((a, b) => a + b, 0);
    this.globalShare = v.initialStake.map((stake) => (totalInitial > 0 ? stake / totalInitial : 0));
    this.fairness = fairnessAnalysisOfColumns(
      {
        wins: v.wins,
        expectedWins: v.expectedWins,
        winVariance: v.winVariance,
        roundsInPool: v.roundsInPool,
        globalShare: this.globalShare,
        exactMasses: (i) => exactMasses(result, i),
      },
      result.counters.rounds,
    );
  }

  get count(): number {
    return this.scenario.validators.length;
  }

  /** Validator i's row. */
  row(i: number): ValidatorRow {
    const v = this.result.validators;
    const f = this.fairness.validators;
    const rounds = this.result.counters.rounds;
    const validator = this.scenario.validators[i] as ResolvedScenario['validators'][number];
    const at = (a: Float64Array) => a[i] as number;
    return {
      id: validator.id,
      group: validator.group,
      address: v.addressOf(i),
      balance: v.balanceText[i] as string,
      stake: at(v.stake),
      initialStake: at(v.initialStake),
      blocksSubmitted: at(v.blocksSubmitted),
      roundsInPool: at(v.roundsInPool),
      wins: at(v.wins),
      expectedWins: at(v.expectedWins),
      winVariance: at(v.winVariance),
      globalShare: at(this.globalShare),
      winShare: rounds > 0 ? at(v.wins) / rounds : 0,
      expectedShare: rounds > 0 ? at(v.expectedWins) / rounds : 0,
      announcementsReceived: at(v.announcementsReceived),
      winRate: at(f.winRate),
      expectedRate: at(f.expectedRate),
      wilsonLow: at(f.wilsonLow),
      wilsonHigh: at(f.wilsonHigh),
      z: at(f.z),
      pValue: at(f.pValue),
      pError: at(f.pError),
      pHolm: at(f.pHolm),
    };
  }

  /** Every row, in scenario order, made as it is read. */
  *rows(): Generator<ValidatorRow> {
    for (let i = 0; i < this.count; i++) yield this.row(i);
  }

  /** The `k` validators with the most stake (ties: scenario order). */
  topByStake(k: number): ValidatorRow[] {
    const stake = this.result.validators.stake;
    const order = Array.from({ length: this.count }, (_, i) => i);
    order.sort((a, b) => (stake[b] as number) - (stake[a] as number) || a - b);
    return order.slice(0, k).map((i) => this.row(i));
  }
}

/** Sums of validator rows by group, in order of first appearance. */
export interface GroupRow {
  group: string;
  validators: number;
  stake: number;
  globalShare: number;
  wins: number;
  expectedWins: number;
  winVariance: number;
  winShare: number;
  /** 95% Wilson interval of the win share over all rounds. */
  winShareLow: number;
  winShareHigh: number;
  expectedShare: number;
}

export function groupTable(rows: Iterable<ValidatorRow>, rounds: number): GroupRow[] {
  const groups = new Map<string, GroupRow>();
  for (const r of rows) {
    let g = groups.get(r.group);
    if (!g) {
      g = { group: r.group, validators: 0, stake: 0, globalShare: 0, wins: 0, expectedWins: 0, winVariance: 0, winShare: 0, winShareLow: 0, winShareHigh: 0, expectedShare: 0 };
      groups.set(r.group, g);
    }
    g.validators++;
    g.stake += r.stake;
    g.globalShare += r.globalShare;
    g.wins += r.wins;
    g.expectedWins += r.expectedWins;
    g.winVariance += r.winVariance;
  }
  for (const g of groups.values()) {
    g.winShare = rounds > 0 ? g.wins / rounds : 0;
    const interval = rounds > 0 ? wilsonInterval(g.wins, rounds) : { lower: NaN, upper: NaN };
    g.winShareLow = interval.lower;
    g.winShareHigh = interval.upper;
    g.expectedShare = rounds > 0 ? g.expectedWins / rounds : 0;
  }
  return [...groups.values()];
}

/**
 * The masses of validator i's wins under the null where the model kept them (no rewards,
 * expected at most 20 wins), else null: for 0..K wins, K = max(wins, mean + 12 sqrt(mean)
 * + 12) up to 72, beyond which the Chernoff bound the p-value adds for the rest is below
 * 1e-24 (1e-18 where the cap at 72 binds): a validator expecting 0.004 wins needs 14
 * masses, not 73.
 */
function exactMasses(result: ModelResult, i: number): Float64Array | null {
  const v = result.validators;
  const mean = v.expectedWins[i] as number;
  if ((v.roundsInPool[i] as number) === 0 || !result.exactWins.hasMasses(mean)) return null;
  const length = Math.min(EXACT_MASSES, 1 + Math.max(v.wins[i] as number, Math.ceil(mean + 12 * Math.sqrt(mean) + 12)));
  return poissonBinomialMasses(result.exactWins.oddsPowerSumsOf(i), result.exactWins.largeRoundMasses(i), length);
}
