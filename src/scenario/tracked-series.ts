import type { ResolvedScenario } from './types.js';

/** A validator or a group whose shares are followed: `members` are scenario positions. */
export interface TrackedSeries {
  /** A validator id, or `group:<name>`. */
  readonly name: string;
  readonly members: readonly number[];
}

/** How many of the largest validators are tracked when the scenario names none. */
export const DEFAULT_TRACKED_VALIDATORS = 5;

/**
 * The series a run follows: the scenario's `track` names (ids or entry names), or by
 * default the five largest validators by initial stake and every group. A validator's
 * initial stake is taken from the scenario (what it types), so the choice does not
 * depend on the run.
 */
export function trackedSeries(scenario: ResolvedScenario): TrackedSeries[] {
  const validators = scenario.validators;
  const groups = new Map<string, number[]>();
  validators.forEach((v, i) => {
    const members = groups.get(v.group) ?? [];
    members.push(i);
    groups.set(v.group, members);
  });
  const groupSeries = (name: string): TrackedSeries => ({ name: `group:${name}`, members: groups.get(name) ?? [] });
  if (scenario.track.length > 0) {
    // A name is a validator id if one has it (a single validator's id is its entry name), else an entry.
    return scenario.track.map((name) => {
      const i = validators.findIndex((v) => v.id === name);
      return i >= 0 ? { name, members: [i] } : groupSeries(name);
    });
  }
  const largest = largestTypedStakes(validators, DEFAULT_TRACKED_VALIDATORS).map((i) => ({ name: (validators[i] as { id: string }).id, members: [i] }));
  return [...largest, ...[...groups.keys()].map(groupSeries)];
}

/**
 * Positions of the `k` validators of largest typed stake (a text balance counts 0),
 * largest first, the earlier of equal stakes first: one pass, not a sort of every
 * validator (a million of them took half a second).
 */
export function largestTypedStakes(validators: ResolvedScenario['validators'], k: number): number[] {
  const typedStake = (i: number): number => {
    const balance = validators[i]?.balance;
    return balance?.kind === 'int' ? balance.value : 0;
  };
  const top: number[] = [];
  const stakes: number[] = [];
  for (let i = 0; i < validators.length; i++) {
    const stake = typedStake(i);
    // A stake equal to the last kept one loses to it: that one came first.
    if (top.length === k && !(stake > (stakes[k - 1] as number))) continue;
    let at = top.length;
    while (at > 0 && (stakes[at - 1] as number) < stake) at--;
    top.splice(at, 0, i);
    stakes.splice(at, 0, stake);
    if (top.length > k) {
      top.pop();
      stakes.pop();
    }
  }
  return top;
}
