/**
 * The scenario loader's public entry: text -> ResolvedScenario, or a ScenarioError
 * listing every problem at once.
 *
 *   text --parse--> YAML Document --toJS--> data --validate--> Issues
 *                                                      |  none
 *                                                      v
 *                          overrides (seed, rounds) -> resolve -> run bounds -> ResolvedScenario
 *
 * A file with YAML syntax errors stops after parsing: its structure cannot be
 * trusted, and checking it would pile guesses on top of the real error.
 */
import type { Document, LineCounter } from 'yaml';
import { formatFieldPath } from './field-path.js';
import type { Issue } from './issue.js';
import { offsetOf } from './locate.js';
import { badRoundsOverride, badSeedOverride, noSweepBlock, problemsFound, sweepNotRunnable } from './messages.js';
import { parseScenarioText } from './parse.js';
import { resolveScenario } from './resolve.js';
import { checkRunBounds } from './run-bounds.js';
import { MAX_INTEGER, MAX_SEED, type ScenarioDocument } from './schema.js';
import type { ResolvedScenario } from './types.js';
import { axisLocations, checkSweepCells, expandSweep, type SweepPlan } from './sweep.js';
import { validateScenario } from './validate.js';

export interface ScenarioProblem {
  /** The file name as given to loadScenario. */
  readonly file: string;
  /** 1-based line of the offending node (of the parent mapping for a missing key, of the key for an unknown key). */
  readonly line: number;
  /** 1-based column, same node. */
  readonly column: number;
  /** Field path, e.g. `validators[3].stake.pareto.alpha`; '' for the whole document. */
  readonly path: string;
  /** What is wrong, in words; includes the value seen where that reads naturally. */
  readonly message: string;
  /** The value seen, rendered short (strings quoted); '' when there is none (a missing key). */
  readonly value: string;
}

/** Thrown by loadScenario; `message` holds every problem, one formatted line each. */
export class ScenarioError extends Error {
  override readonly name = 'ScenarioError';
  readonly problems: readonly ScenarioProblem[];

  constructor(file: string, problems: readonly ScenarioProblem[]) {
    super([problemsFound(file, problems.length), ...problems.map(formatProblem)].join('\n'));
    this.problems = problems;
  }
}

export interface ScenarioOverrides {
  /** Replaces the file's seed (the CLI's --seed). */
  readonly seed?: number;
  /** Replaces the file's rounds (the CLI's --rounds). */
  readonly rounds?: number;
}

/**
 * Parses, validates and resolves a scenario.
 * @param file the file's name, used in problems and kept as `source`
 * @param text the file's content (reading the file is the caller's job)
 * @param overrides applied after validation: the file itself must be valid
 * @throws ScenarioError listing every problem of the file, sorted by position
 * @throws RangeError when an override is out of range
 */
export function loadScenario(file: string, text: string, overrides: ScenarioOverrides = {}): ResolvedScenario {
  checkOverrides(overrides);
  const { valid, document, lineCounter } = parseValid(file, text);
  if (valid.sweep !== undefined) {
    const issue: Issue = { path: ['sweep'], message: sweepNotRunnable(), value: '', anchor: 'key' };
    throw new ScenarioError(file, locate(file, [issue], document, lineCounter));
  }
  const overridden: ScenarioDocument = {
    ...valid,
    seed: overrides.seed ?? valid.seed,
    ...(overrides.rounds === undefined ? {} : { rounds: overrides.rounds }),
  };
  const scenario = resolveScenario(overridden, file);
  const bounds = checkRunBounds(scenario).map((issue) =>
    overrides.rounds !== undefined && issue.path[0] === 'rounds' ? { ...issue, message: `the rounds override: ${issue.message}` } : issue,
  );
  if (bounds.length > 0) throw new ScenarioError(file, locate(file, bounds, document, lineCounter));
  return scenario;
}

/** A scenario file with a `sweep:` block, every cell checked. */
export interface LoadedSweep {
  /** The file's scenario without its sweep: what every cell starts from. */
  readonly base: ScenarioDocument;
  readonly plan: SweepPlan;
}

/**
 * Parses and validates a sweep file and every one of its cells (as a scenario of its
 * own, run bounds included); a cell's problem is located at the axis that made it.
 * @throws ScenarioError listing every problem
 */
export function loadSweep(file: string, text: string): LoadedSweep {
  const { valid, document, lineCounter } = parseValid(file, text);
  if (valid.sweep === undefined) {
    const issue: Issue = { path: [], message: noSweepBlock(), value: '', anchor: 'value' };
    throw new ScenarioError(file, locate(file, [issue], document, lineCounter));
  }
  const expanded = expandSweep(valid);
  if (expanded.plan === null) throw new ScenarioError(file, locate(file, expanded.issues, document, lineCounter));
  const cellIssues = checkSweepCells(expanded.plan, axisLocations(valid), file);
  if (cellIssues.length > 0) throw new ScenarioError(file, locate(file, cellIssues, document, lineCounter));
  const { sweep: _sweep, ...base } = valid;
  return { base, plan: expanded.plan };
}

/** Whether valid scenario text has a `sweep:` block (the text must have passed loadScenario or loadSweep). */
export function hasSweep(text: string): boolean {
  const { data } = parseScenarioText(text);
  return typeof data === 'object' && data !== null && 'sweep' in data;
}

/** Parsed and checked against the schema and rules: the document, or a ScenarioError. */
function parseValid(file: string, text: string): { valid: ScenarioDocument; document: Document.Parsed; lineCounter: LineCounter } {
  const { document, lineCounter, yamlIssues, data } = parseScenarioText(text);
  if (yamlIssues.length > 0) throw new ScenarioError(file, locate(file, yamlIssues, document, lineCounter));
  const issues = validateScenario(data);
  if (issues.length > 0) throw new ScenarioError(file, locate(file, issues, document, lineCounter));
  return { valid: data as ScenarioDocument, document, lineCounter };
}

/**
 * A problem found after loading, where the file is valid but what is asked of it is
 * not (e.g. `timing: costed` on the fast engine), located in the file like any other.
 * @param text the file's content, as given to loadScenario
 */
export function scenarioErrorAt(file: string, text: string, issue: Issue): ScenarioError {
  const { document, lineCounter } = parseScenarioText(text);
  return new ScenarioError(file, locate(file, [issue], document, lineCounter));
}

/**
 * One problem as a line, e.g.
 * `whales.yaml:14:12 validators[3].stake: expected an integer >= 0, got -5`.
 */
export function formatProblem(problem: ScenarioProblem): string {
  const where = `${problem.file}:${problem.line}:${problem.column}`;
  return problem.path === '' ? `${where} ${problem.message}` : `${where} ${problem.path}: ${problem.message}`;
}

function checkOverrides(overrides: ScenarioOverrides): void {
  const { seed, rounds } = overrides;
  if (seed !== undefined && !(Number.isInteger(seed) && seed >= 0 && seed <= MAX_SEED)) {
    throw new RangeError(badSeedOverride(seed));
  }
  if (rounds !== undefined && !(Number.isInteger(rounds) && rounds >= 1 && rounds <= MAX_INTEGER)) {
    throw new RangeError(badRoundsOverride(rounds));
  }
}

/** Issues -> problems with positions, in reading order (line, column, then path). */
function locate(
  file: string,
  issues: readonly Issue[],
  document: Document.Parsed,
  lineCounter: LineCounter,
): ScenarioProblem[] {
  const problems = issues.map((issue): ScenarioProblem => {
    const { line, col } = lineCounter.linePos(offsetOf(document, issue.path, issue.anchor));
    return {
      file,
      line,
      column: col,
      path: formatFieldPath(issue.path),
      message: issue.message,
      value: issue.value,
    };
  });
  // Plain code-unit comparison: localeCompare would make the order depend on the machine's locale.
  const byPath = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
  return problems.sort((a, b) => a.line - b.line || a.column - b.column || byPath(a.path, b.path));
}
