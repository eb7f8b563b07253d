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
  const typedStake = (i: number): number => {
    const balance = validators[i]?.balance;
    return balance?.kind === 'int' ? balance.value : 0;
  };
  const largest = validators
    .map((_, i) => i)
    .sort((a, b) => typedStake(b) - typedStake(a) || a - b)
    .slice(0, DEFAULT_TRACKED_VALIDATORS)
    .map((i) => ({ name: (validators[i] as { id: string }).id, members: [i] }));
  return [...largest, ...[...groups.keys()].map(groupSeries)];
}
