import type { ModelResult } from '../model/run.js';
import type { ChartValidators } from './charts/validator-input.js';
import type { ResolvedScenario } from '../scenario/types.js';
import { writeValidatorId, type TextOut } from '../scenario/entry-member.js';
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
        exactMasses: exactMassesOf(result),
      },
      result.counters.rounds,
    );
  }

  get count(): number {
    return this.scenario.validators.length;
  }

  /** The run's per-validator totals, as columns (read-only): what the rows are made of. */
  get totals(): ModelResult['validators'] {
    return this.result.validators;
  }

  /** Lottery draws in the run (the denominator of the win and expected shares). */
  get rounds(): number {
    return this.result.counters.rounds;
  }

  /** Initial stake / total initial stake, per validator. */
  get globalShares(): Float64Array {
    return this.globalShare;
  }

  idOf(i: number): string {
    return (this.scenario.validators[i] as ResolvedScenario['validators'][number]).id;
  }

  /** {@link idOf}, written to `out` without a string (see writeValidatorId). */
  writeIdOf(i: number, out: TextOut): void {
    writeValidatorId(this.scenario.validators[i] as ResolvedScenario['validators'][number], out);
  }

  groupOf(i: number): string {
    return (this.scenario.validators[i] as ResolvedScenario['validators'][number]).group;
  }

  /**
   * The figures the report's charts use, as columns: the numbers validators.csv holds
   * (it writes each double so that it reads back exactly), without reading it back. A
   * non-finite stake or expected wins, which the file would write empty and the reader
   * refuse, cannot come out of a run: stakes are clamped at 0, and a draw needs a pool
   * with stake.
   */
  chartValidators(): ChartValidators {
    const v = this.result.validators;
    const f = this.fairness.validators;
    const rounds = this.rounds;
    return {
      count: this.count,
      stake: v.stake,
      roundsInPool: v.roundsInPool,
      wins: v.wins,
      expectedWins: v.expectedWins,
      winVariance: v.winVariance,
      expectedShare: v.expectedWins.map((e) => (rounds > 0 ? e / rounds : 0)),
      wilsonLow: f.wilsonLow,
      wilsonHigh: f.wilsonHigh,
      idOf: (i) => this.idOf(i),
      groupOf: (i) => this.groupOf(i),
    };
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
    return largestFirst(this.result.validators.stake, k).map((i) => this.row(i));
  }

  /** {@link groupTable} of the rows, summed from the columns without making a row (or hashing an address). */
  groups(): GroupRow[] {
    const v = this.result.validators;
    const groups = new Map<string, GroupRow>();
    let group = '';
    let g: GroupRow | undefined;
    // Members of a group are mostly neighbours: the map is looked up when the group changes.
    for (let i = 0; i < this.count; i++) {
      const name = this.groupOf(i);
      if (g === undefined || name !== group) {
        group = name;
        g = groups.get(name);
        if (g === undefined) {
          g = emptyGroupRow(name);
          groups.set(name, g);
        }
      }
      addToGroup(g, v.stake[i] as number, this.globalShare[i] as number, v.wins[i] as number, v.expectedWins[i] as number, v.winVariance[i] as number);
    }
    return finishGroups(groups, this.result.counters.rounds);
  }
}

/**
 * Indices of the `k` largest values, largest first, ties in index order: the first `k`
 * of a stable sort by value, descending, in one pass keeping the best `k` (at a
 * million validators the sort of every index took 0.5 s for the 10 the summary lists).
 * Values must not be NaN.
 */
export function largestFirst(values: ArrayLike<number>, k: number): number[] {
  const best: number[] = [];
  for (let i = 0; i < values.length; i++) {
    const x = values[i] as number;
    if (best.length === k && !(x > (values[best[k - 1] as number] as number))) continue;
    // A later index loses ties, so it goes after every equal value.
    let at = best.length;
    while (at > 0 && x > (values[best[at - 1] as number] as number)) at--;
    best.splice(at, 0, i);
    if (best.length > k) best.pop();
  }
  return best;
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

/** Plain and slow: {@link ValidatorTable.groups} gives the same from the columns (a test compares them). */
export function groupTable(rows: Iterable<ValidatorRow>, rounds: number): GroupRow[] {
  const groups = new Map<string, GroupRow>();
  for (const r of rows) {
    let g = groups.get(r.group);
    if (!g) {
      g = emptyGroupRow(r.group);
      groups.set(r.group, g);
    }
    addToGroup(g, r.stake, r.globalShare, r.wins, r.expectedWins, r.winVariance);
  }
  return finishGroups(groups, rounds);
}

function emptyGroupRow(group: string): GroupRow {
  return { group, validators: 0, stake: 0, globalShare: 0, wins: 0, expectedWins: 0, winVariance: 0, winShare: 0, winShareLow: 0, winShareHigh: 0, expectedShare: 0 };
}

function addToGroup(g: GroupRow, stake: number, globalShare: number, wins: number, expectedWins: number, winVariance: number): void {
  g.validators++;
  g.stake += stake;
  g.globalShare += globalShare;
  g.wins += wins;
  g.expectedWins += expectedWins;
  g.winVariance += winVariance;
}

function finishGroups(groups: Map<string, GroupRow>, rounds: number): GroupRow[] {
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
 *
 * Validators whose rounds were all small-p and summed to the same odds power sums have
 * the same masses: those are computed once and shared (read-only) by the next validator
 * whose sums and K are the same, the last one kept per row of sums (validators on one
 * row have equal sums: no view of them to make and compare) and per first sum. In a
 * steady run, validators of one stake were in the same rounds (1.2 s of a
 * 1,000,000-validator run, where 1,180 stakes repeat).
 */
export function exactMassesOf(result: ModelResult): (i: number) => Float64Array | null {
  const shared = new Map<number, { sums: Float64Array; masses: Float64Array }>();
  const byRow = new Map<number, Float64Array>();
  return (i) => {
    const v = result.validators;
    const mean = v.expectedWins[i] as number;
    if ((v.roundsInPool[i] as number) === 0 || !result.exactWins.hasMasses(mean)) return null;
    const length = Math.min(EXACT_MASSES, 1 + Math.max(v.wins[i] as number, Math.ceil(mean + 12 * Math.sqrt(mean) + 12)));
    const large = result.exactWins.largeRoundMasses(i);
    if (large !== null) return poissonBinomialMasses(result.exactWins.oddsPowerSumsOf(i), large, length);
    const row = result.exactWins.rowOfSums(i);
    const onRow = byRow.get(row);
    if (onRow !== undefined && onRow.length === length) return onRow;
    const sums = result.exactWins.oddsPowerSumsOf(i);
    const known = shared.get(sums[0] as number);
    let masses: Float64Array;
    if (known !== undefined && known.masses.length === length && sameValues(known.sums, sums)) masses = known.masses;
    else {
      masses = poissonBinomialMasses(sums, null, length);
      shared.set(sums[0] as number, { sums, masses });
    }
    byRow.set(row, masses);
    return masses;
  };
}

function sameValues(a: Float64Array, b: Float64Array): boolean {
  if (a.length !== b.length) return false;
  for (let k = 0; k < a.length; k++) if (a[k] !== b[k]) return false;
  return true;
}
