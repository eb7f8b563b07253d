import type { ModelResult } from '../model/run.js';
import type { ResolvedScenario } from '../scenario/types.js';
import { fairnessAnalysis, wilsonInterval, type FairnessAnalysis, type ValidatorFairness } from '../stats/index.js';

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

/** The per-validator table of a finished run, in scenario order, and the fairness tests behind its last columns. */
export function validatorTable(scenario: ResolvedScenario, result: ModelResult): { rows: ValidatorRow[]; fairness: FairnessAnalysis } {
  const v = result.validators;
  const totalInitial = v.initialStake.reduce((a, b) => a + b, 0);
  const rounds = result.counters.rounds;
  const globalShare = (i: number) => (totalInitial > 0 ? (v.initialStake[i] as number) / totalInitial : 0);
  const fairness = fairnessAnalysis(
    scenario.validators.map((_, i) => ({
      wins: v.wins[i] as number,
      expectedWins: v.expectedWins[i] as number,
      winVariance: v.winVariance[i] as number,
      roundsInPool: v.roundsInPool[i] as number,
      globalShare: globalShare(i),
    })),
    rounds,
  );
  const rows = scenario.validators.map((validator, i) => {
    const at = (a: Float64Array) => a[i] as number;
    return {
      id: validator.id,
      group: validator.group,
      address: v.address[i] as string,
      balance: v.balanceText[i] as string,
      stake: at(v.stake),
      initialStake: at(v.initialStake),
      blocksSubmitted: at(v.blocksSubmitted),
      roundsInPool: at(v.roundsInPool),
      wins: at(v.wins),
      expectedWins: at(v.expectedWins),
      winVariance: at(v.winVariance),
      globalShare: globalShare(i),
      winShare: rounds > 0 ? at(v.wins) / rounds : 0,
      expectedShare: rounds > 0 ? at(v.expectedWins) / rounds : 0,
      announcementsReceived: at(v.announcementsReceived),
      ...(fairness.validators[i] as ValidatorFairness),
    };
  });
  return { rows, fairness };
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

export function groupTable(rows: readonly ValidatorRow[], rounds: number): GroupRow[] {
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

/** The `k` validators with the most stake (ties: scenario order). */
export function topByStake(rows: readonly ValidatorRow[], k: number): ValidatorRow[] {
  return rows
    .map((row, i) => ({ row, i }))
    .sort((a, b) => b.row.stake - a.row.stake || a.i - b.i)
    .slice(0, k)
    .map(({ row }) => row);
}
