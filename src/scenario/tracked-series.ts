import type { ResolvedScenario } from './types.js';

/** A validator or a group whose shares are followed: `members` are scenario positions. */
export interface TrackedSeries {
  /** A validator id, or `group:<name>`. */
  readonly name: string;
  /** In ascending order (a group's as an Int32Array: a million numbers in an array took 10 MB). */
  readonly members: ArrayLike<number> & Iterable<number>;
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
  const groups = groupMembers(validators);
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
/** Each group's members, in order: counted, then filled (no array grown a member at a time). */
function groupMembers(validators: ResolvedScenario['validators']): Map<string, Int32Array> {
  const counts = new Map<string, number>();
  for (const v of validators) counts.set(v.group, (counts.get(v.group) ?? 0) + 1);
  const groups = new Map<string, Int32Array>();
  const filled = new Map<string, number>();
  for (const [group, count] of counts) {
    groups.set(group, new Int32Array(count));
    filled.set(group, 0);
  }
  for (let i = 0; i < validators.length; i++) {
    const group = (validators[i] as { group: string }).group;
    const at = filled.get(group) as number;
    (groups.get(group) as Int32Array)[at] = i;
    filled.set(group, at + 1);
  }
  return groups;
}

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
