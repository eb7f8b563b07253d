import { isCollection, parseDocument } from 'yaml';
import { loadScenario as resolveScenarioText } from '../scenario/load.js';
import type { ResolvedScenario } from '../scenario/types.js';
import { readScenarioSource } from '../cli/scenario-file.js';

/** A scenario ready to run, with the text it came from (so that it can be run again with other settings). */
export interface Scenario {
  /** The file name, as given (used in problems). */
  readonly file: string;
  /** The YAML text, as read (before {@link overrides}). */
  readonly text: string;
  /** The overrides applied to it. */
  readonly overrides: ScenarioOverrides;
  /** Every setting resolved: validators one by one, times in µs, rules and defaults filled in. */
  readonly resolved: ResolvedScenario;
}

/** What a run may change of its scenario. */
export interface ScenarioOverrides {
  /** Replaces the scenario's seed (0 to 4294967295). */
  readonly seed?: number;
  /** Replaces the scenario's rounds. */
  readonly rounds?: number;
  /** Replaces the scenario's sampleEvery. */
  readonly sampleEvery?: number;
  /**
   * Fields to change before validation, by path: `{ 'rewards.constant': 10,
   * 'rules': 'fixed', 'validators[0].stake': 500 }`; `undefined` removes a field
   * (`{ rewards: undefined }`: no rewards). The changed scenario must be valid.
   */
  readonly set?: Readonly<Record<string, unknown>>;
}

/**
 * Reads, validates and resolves a scenario file.
 * @throws ScenarioError listing every problem of the file; Error for a file that cannot be read
 * @example loadScenario('scenarios/whales.yaml', { seed: 7 }).resolved.seed === 7
 */
export function loadScenario(path: string, overrides: ScenarioOverrides = {}): Scenario {
  const { text } = readScenarioSource(path);
  return parseScenario(text, overrides, path);
}

/**
 * {@link loadScenario} of a scenario's text.
 * @param file the name used in problems (`file:line:column field: ...`)
 */
export function parseScenario(text: string, overrides: ScenarioOverrides = {}, file = 'scenario.yaml'): Scenario {
  const changed = overrides.set === undefined ? text : withFields(text, overrides.set);
  const resolved = resolveScenarioText(file, changed, { seed: overrides.seed, rounds: overrides.rounds });
  return {
    file,
    text,
    overrides,
    resolved: overrides.sampleEvery === undefined ? resolved : { ...resolved, sampleEvery: overrides.sampleEvery },
  };
}

/** The scenario again with more overrides: each replaces the one it had, `set` fields are added to its own. */
export function withOverrides(scenario: Scenario, overrides: ScenarioOverrides): Scenario {
  const set = { ...scenario.overrides.set, ...overrides.set };
  const merged = { ...scenario.overrides, ...overrides, ...(Object.keys(set).length > 0 && { set }) };
  return parseScenario(scenario.text, merged, scenario.file);
}

/** The text with each field set; a path through something that is not a mapping or list is an error. */
function withFields(text: string, fields: Readonly<Record<string, unknown>>): string {
  const document = parseDocument(text);
  for (const [path, value] of Object.entries(fields)) {
    const keys = fieldKeys(path);
    const parent = keys.length > 1 ? document.getIn(keys.slice(0, -1), true) : document.contents;
    if (parent !== undefined && parent !== null && !isCollection(parent)) {
      throw new RangeError(`set: ${path}: ${keys.slice(0, -1).join('.')} is not a mapping or a list`);
    }
    if (value === undefined) document.deleteIn(keys);
    else document.setIn(keys, value);
  }
  return document.toString();
}

/** `validators[0].stake` -> ['validators', 0, 'stake']. */
export function fieldKeys(path: string): (string | number)[] {
  if (!/^[A-Za-z_][\w-]*(\[\d+\]|\.[A-Za-z_][\w-]*)*$/.test(path)) {
    throw new RangeError(`set: "${path}" is not a field path such as rewards.constant or validators[0].stake`);
  }
  return [...path.matchAll(/([A-Za-z_][\w-]*)|\[(\d+)\]/g)].map((m) => (m[2] === undefined ? (m[1] as string) : Number(m[2])));
}
