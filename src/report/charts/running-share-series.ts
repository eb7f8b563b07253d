import { countText } from './number-text.js';
import type { ReportSummary } from './summary-input.js';
import { byStakeDescending, type ValidatorStats } from './validator-input.js';

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
export function runningShareSeries(summary: ReportSummary, validators: readonly ValidatorStats[]): ShareSeries[] {
  const rounds = summary.rounds;
  const top = byStakeDescending(validators)
    .filter((v) => followable(v.expectedShare))
    .slice(0, MAX_VALIDATOR_SERIES);
  const topIds = new Set(top.map((v) => v.id));
  const membersOf = new Map<string, Set<string>>();
  for (const v of validators) {
    const members = membersOf.get(v.group) ?? new Set<string>();
    members.add(v.id);
    membersOf.set(v.group, members);
  }
  const groups =
    summary.groups.length < 2
      ? []
      : [...summary.groups]
          .sort((a, b) => b.stake - a.stake)
          .filter((g) => !(g.validators === 1 && [...(membersOf.get(g.group) ?? [])].every((id) => topIds.has(id))))
          .filter((g) => followable(g.expectedShare))
          .slice(0, MAX_GROUP_SERIES)
          .map((g) => ({
            label: `${g.group} (group of ${countText(g.validators)})`,
            group: g.group,
            members: membersOf.get(g.group) ?? new Set<string>(),
            expectedShare: g.expectedShare,
            meanVariance: g.winVariance / rounds,
          }));
  const singles = top.map((v) => ({
    label: v.id,
    group: v.group,
    members: new Set([v.id]),
    expectedShare: v.expectedShare,
    meanVariance: v.winVariance / rounds,
  }));
  return [...groups, ...singles];
}

function followable(expectedShare: number): boolean {
  return expectedShare > 0 && expectedShare < WHOLE_POPULATION;
}
