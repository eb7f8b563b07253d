import { countText } from './number-text.js';
import type { ReportSummary } from './summary-input.js';
import { byStakeDescending, type ChartValidators } from './validator-input.js';

/** A validator or a group whose running win share the chart follows. */
export interface ShareSeries {
  readonly label: string;
  /** Its colour: the validator's group, or the group itself. */
  readonly group: string;
  /** Validators whose wins count for the series. */
  readonly members: ReadonlySet<string>;
  /** Expected wins / rounds: where the running share should settle. */
  readonly expectedShare: number;
  /** Mean over rounds of p(1 - p): the binomial spread of the share after n rounds is sqrt(this / n). */
  readonly meanVariance: number;
}

/** Panels: the largest groups, then the largest validators; a small multiple beyond this gets unreadable. */
export const MAX_GROUP_SERIES = 4;
export const MAX_VALIDATOR_SERIES = 4;

/** A group expected to win more than this always wins: its panel would be a flat line at 100%. */
const WHOLE_POPULATION = 0.9999;

/**
 * Groups (when there is more than one, and skipping a group that is one validator
 * already shown on its own, or that holds all the stake) and the validators with
 * the most stake. A series that could not win (no stake in any pool) has nothing
 * to converge to and is left out.
 */
export function runningShareSeries(summary: ReportSummary, validators: ChartValidators): ShareSeries[] {
  const rounds = summary.rounds;
  const top = largestFollowable(validators, MAX_VALIDATOR_SERIES);
  const topIds = new Set(top.map((i) => validators.idOf(i)));
  const candidates = summary.groups.length < 2 ? [] : [...summary.groups].sort((a, b) => b.stake - a.stake);
  const singles = candidates.filter((g) => g.validators === 1).map((g) => g.group);
  const singleMembers = new Map(membersOf(validators, singles).map((ids, k) => [singles[k] as string, ids]));
  const shownAlone = (g: ReportSummary['groups'][number]) => g.validators === 1 && (singleMembers.get(g.group) as string[]).every((id) => topIds.has(id));
  const chosen = candidates
    .filter((g) => !shownAlone(g))
    .filter((g) => followable(g.expectedShare))
    .slice(0, MAX_GROUP_SERIES);
  const members = membersOf(validators, chosen.map((g) => g.group));
  const groups = chosen.map((g, k) => ({
    label: `${g.group} (group of ${countText(g.validators)})`,
    group: g.group,
    members: new Set(members[k]),
    expectedShare: g.expectedShare,
    meanVariance: g.winVariance / rounds,
  }));
  const tops = top.map((i) => ({
    label: validators.idOf(i),
    group: validators.groupOf(i),
    members: new Set([validators.idOf(i)]),
    expectedShare: validators.expectedShare[i] as number,
    meanVariance: (validators.winVariance[i] as number) / rounds,
  }));
  return [...groups, ...tops];
}

/** The `k` validators with the most stake whose share can be followed (ties: file order). */
function largestFollowable(validators: ChartValidators, k: number): number[] {
  const top: number[] = [];
  for (const i of byStakeDescending(validators)) {
    if (followable(validators.expectedShare[i] as number)) top.push(i);
    if (top.length === k) break;
  }
  return top;
}

/** The ids of each group's members, in file order: one pass, for the few groups shown (a name given twice gets the same list). */
function membersOf(validators: ChartValidators, groups: readonly string[]): string[][] {
  const byName = new Map(groups.map((g) => [g, [] as string[]]));
  if (groups.length > 0) collectMembers(validators, byName);
  return groups.map((g) => byName.get(g) as string[]);
}

function collectMembers(validators: ChartValidators, byName: Map<string, string[]>): void {
  // Loop alone in its function (docs/performance.md, "Nothing after a long loop").
  for (let i = 0; i < validators.count; i++) byName.get(validators.groupOf(i))?.push(validators.idOf(i));
}

function followable(expectedShare: number): boolean {
  return expectedShare > 0 && expectedShare < WHOLE_POPULATION;
}
