/**
 * A scenario's `sweep:` block -> its cells: every combination of the grid's values
 * (or the union of several grids), crossed with each zipped group of fields, each
 * cell a complete scenario document with its own seed.
 *
 *   sweep:
 *     replications: 40
 *     grid: {rewards.constant: [1, 10], validators.whale.count: [1, 5]}   # 4 cells
 *     zip: [{timings.intake: [5, 2], timings.lottery: [10, 4]}]          # x 2 = 8
 *
 * A cell's seed derives from the run seed and the cell's values (not its position),
 * so reordering an axis, adding a value or splitting the work never changes the
 * numbers of a cell.
 */
import { deriveStream } from '../rng/stream.js';
import { formatFieldPath, type FieldPath } from './field-path.js';
import type { Issue } from './issue.js';
import { renderValue } from './messages.js';
import { resolveScenario } from './resolve.js';
import { checkRunBounds } from './run-bounds.js';
import { checkUnionBranch } from './schema-check.js';
import { MAX_SWEEP_CELLS, type ScenarioDocument, type SweepAxesDocument, type SweepValue } from './schema.js';
import { sweepFieldPath, withField } from './sweep-fields.js';
import { validateScenario } from './validate.js';
import { elementAt } from '../lists/element-at.js';

/** One axis: a field, or a zipped group of fields, and the settings it takes. */
export interface SweepAxis {
  readonly fields: readonly string[];
  /** One tuple per setting: the i-th value of every field of the axis. */
  readonly settings: readonly (readonly SweepValue[])[];
  /** Where the axis is written (its first field's key), for locating problems. */
  readonly at: FieldPath;
  /** The document path each field sets. */
  readonly targets: readonly FieldPath[];
}

export interface SweepCell {
  /** Position in the sweep, in the order the file lists grids and values (first axis slowest). */
  readonly index: number;
  /** Field -> value, in the order of the axes. */
  readonly values: readonly (readonly [string, SweepValue])[];
  /** The values sorted by field, as JSON: the cell's identity whatever the order of axes and values. */
  readonly key: string;
  /** Derived from the run seed and `key`. */
  readonly seed: number;
  /** The cell as a scenario of its own: values set, `seed` replaced, no sweep. */
  readonly document: ScenarioDocument;
}

export interface SweepPlan {
  readonly replications: number;
  /** Every field an axis sets, in the order they first appear. */
  readonly fields: readonly string[];
  readonly cells: readonly SweepCell[];
}

/**
 * The seed of a cell: from (run seed, the cell's values) alone.
 * @example cellSeed(42, '[["rewards.constant",10]]') is the same in every sweep that has that cell
 */
export function cellSeed(runSeed: number, key: string): number {
  return deriveStream(runSeed, 'sweep-cell', key).nextUint32();
}

/** The cells of a valid document's sweep, or the problems of its sweep block. */
export function expandSweep(document: ScenarioDocument): { plan: SweepPlan; issues: [] } | { plan: null; issues: Issue[] } {
  const sweep = document.sweep;
  if (sweep === undefined) throw new Error('expandSweep: the document has no sweep');
  const { sweep: _omitted, ...base } = document;
  const issues: Issue[] = [];
  const gridIssues = (value: unknown, path: FieldPath): Issue[] => checkUnionBranch('sweepAxes', value, path);
  const grids = gridList(sweep.grid, issues, gridIssues);
  const zipAxes = (sweep.zip ?? []).flatMap((group, z) => zippedAxis(group, ['sweep', 'zip', z], base, issues));
  const gridAxes = grids.map(({ axes, at }) =>
    Object.entries(axes).flatMap(([field, values]) => singleAxis(field, values, [...at, field], base, issues)),
  );
  if (issues.length > 0) return { plan: null, issues };
  const cellCount = gridAxes.reduce((sum, axes) => sum + countOf([...axes, ...zipAxes]), 0);
  if (cellCount > MAX_SWEEP_CELLS) {
    return { plan: null, issues: [{ path: ['sweep'], message: `the sweep has ${cellCount} cells; at most ${MAX_SWEEP_CELLS} are run`, value: '', anchor: 'key' }] };
  }
  const cells: SweepCell[] = [];
  const seen = new Map<string, number>();
  for (const axes of gridAxes) {
    for (const combination of combinations([...axes, ...zipAxes])) {
      const cell = buildCell(cells.length, combination, base);
      if (typeof cell === 'string') return { plan: null, issues: [{ path: ['sweep'], message: cell, value: '', anchor: 'key' }] };
      const first = seen.get(cell.key);
      if (first !== undefined) {
        const message = `cells ${first} and ${cell.index} are the same (${describeCell(cell)}); each combination may appear once`;
        return { plan: null, issues: [{ path: ['sweep', 'grid'], message, value: '', anchor: 'key' }] };
      }
      seen.set(cell.key, cell.index);
      cells.push(cell);
    }
  }
  const fields = [...new Set(cells.flatMap((c) => c.values.map(([field]) => field)))];
  return { plan: { replications: sweep.replications, fields, cells }, issues: [] };
}

/**
 * Every cell checked as a scenario of its own (schema, rules, run bounds). A problem
 * is reported once, for the first cell that has it, at the axis that sets the field
 * it is about (else at `sweep`), naming the cell's values.
 */
export function checkSweepCells(plan: SweepPlan, axesAt: ReadonlyMap<string, FieldPath>, file: string): Issue[] {
  const problems = new Map<string, { issue: Issue; cell: SweepCell; more: number }>();
  for (const cell of plan.cells) {
    const found = validateScenario(cell.document);
    const issues = found.length > 0 ? found : checkRunBounds(resolveScenario(cell.document, file));
    for (const issue of issues) {
      const id = `${formatFieldPath(issue.path)}\n${issue.message}`;
      const known = problems.get(id);
      if (known) known.more += 1;
      else problems.set(id, { issue, cell, more: 0 });
    }
  }
  return [...problems.values()].map(({ issue, cell, more }) => {
    const field = cell.values.map(([f]) => f).find((f) => issue.path.length > 0 && formatFieldPath(issue.path).startsWith(displayPath(f, cell)));
    const others = more === 0 ? '' : ` (and ${more} more cell${more === 1 ? '' : 's'})`;
    const what = issue.path.length === 0 ? issue.message : `${formatFieldPath(issue.path)}: ${issue.message}`;
    return {
      path: field === undefined ? ['sweep'] : (axesAt.get(field) ?? ['sweep']),
      message: `the cell ${describeCell(cell)}${others}: ${what}`,
      value: issue.value,
      anchor: 'key',
    };
  });
}

/** Where each field's axis is written in the file. */
export function axisLocations(document: ScenarioDocument): Map<string, FieldPath> {
  const at = new Map<string, FieldPath>();
  const grid = document.sweep?.grid;
  const grids = grid === undefined ? [] : Array.isArray(grid) ? grid.map((g, i) => ({ g, at: ['sweep', 'grid', i] })) : [{ g: grid, at: ['sweep', 'grid'] }];
  for (const { g, at: base } of grids) for (const field of Object.keys(g)) if (!at.has(field)) at.set(field, [...base, field]);
  (document.sweep?.zip ?? []).forEach((group, z) => {
    for (const field of Object.keys(group)) if (!at.has(field)) at.set(field, ['sweep', 'zip', z, field]);
  });
  return at;
}

/** `rewards.constant = 10, validators.whale.count = 5` */
export function describeCell(cell: Pick<SweepCell, 'values'>): string {
  return cell.values.length === 0 ? '(no axes)' : cell.values.map(([field, value]) => `${field} = ${renderValue(value)}`).join(', ');
}

function gridList(
  grid: unknown,
  issues: Issue[],
  check: (value: unknown, path: FieldPath) => Issue[],
): { axes: SweepAxesDocument; at: FieldPath }[] {
  if (grid === undefined) return [{ axes: {}, at: ['sweep', 'grid'] }];
  if (Array.isArray(grid)) {
    if (grid.length === 0) issues.push({ path: ['sweep', 'grid'], message: 'expected a mapping of fields to values, or a non-empty list of them', value: '[]', anchor: 'value' });
    return grid.flatMap((g, i) => {
      const found = check(g, ['sweep', 'grid', i]);
      issues.push(...found);
      return found.length === 0 ? [{ axes: g as SweepAxesDocument, at: ['sweep', 'grid', i] }] : [];
    });
  }
  const found = check(grid, ['sweep', 'grid']);
  issues.push(...found);
  return found.length === 0 ? [{ axes: grid as SweepAxesDocument, at: ['sweep', 'grid'] }] : [];
}

function singleAxis(field: string, values: readonly SweepValue[], at: FieldPath, base: Record<string, unknown>, issues: Issue[]): SweepAxis[] {
  const target = sweepFieldPath(field, base);
  if (!target.ok) {
    issues.push({ path: at, message: target.reason, value: '', anchor: 'key' });
    return [];
  }
  const repeated = repeatedValue(values);
  if (repeated !== undefined) {
    issues.push({ path: at, message: `the value ${renderValue(repeated)} appears twice; each may appear once`, value: '', anchor: 'key' });
    return [];
  }
  return [{ fields: [field], settings: values.map((v) => [v]), at, targets: [target.path] }];
}

function zippedAxis(group: SweepAxesDocument, at: FieldPath, base: Record<string, unknown>, issues: Issue[]): SweepAxis[] {
  const entries = Object.entries(group);
  const length = entries[0]?.[1].length ?? 0;
  const targets: FieldPath[] = [];
  for (const [field, values] of entries) {
    const target = sweepFieldPath(field, base);
    if (!target.ok) issues.push({ path: [...at, field], message: target.reason, value: '', anchor: 'key' });
    else targets.push(target.path);
    if (values.length !== length) {
      const message = `has ${values.length} values, but ${entries[0]?.[0]} has ${length}: zipped fields move together, so they need as many values`;
      issues.push({ path: [...at, field], message, value: '', anchor: 'key' });
    }
  }
  if (targets.length !== entries.length || entries.some(([, v]) => v.length !== length)) return [];
  const settings = Array.from({ length }, (_, i) => entries.map(([, values]) => values[i] as SweepValue));
  return [{ fields: entries.map(([f]) => f), settings, at: [...at, entries[0]?.[0] ?? ''], targets }];
}

function countOf(axes: readonly SweepAxis[]): number {
  return axes.reduce((product, axis) => product * axis.settings.length, 1);
}

/** Every combination of one setting per axis, the first axis changing slowest. */
function* combinations(axes: readonly SweepAxis[]): Generator<{ axis: SweepAxis; setting: readonly SweepValue[] }[]> {
  const chosen = new Array<number>(axes.length).fill(0);
  for (;;) {
    yield axes.map((axis, i) => ({ axis, setting: elementAt(axis.settings, elementAt(chosen, i, 'axis'), 'setting') }));
    let i = axes.length - 1;
    while (i >= 0 && elementAt(chosen, i, 'axis') + 1 >= elementAt(axes, i, 'axis').settings.length) chosen[i--] = 0;
    if (i < 0) return;
    chosen[i] = elementAt(chosen, i, 'axis') + 1;
  }
}

function buildCell(index: number, combination: { axis: SweepAxis; setting: readonly SweepValue[] }[], base: Record<string, unknown>): SweepCell | string {
  const values: [string, SweepValue][] = [];
  let document: Record<string, unknown> = base;
  for (const { axis, setting } of combination) {
    for (let f = 0; f < axis.fields.length; f++) {
      const field = axis.fields[f] as string;
      if (values.some(([known]) => known === field)) return `${field} is set by two axes; a field may have one axis`;
      const value = setting[f] as SweepValue;
      values.push([field, value]);
      const set = withField(document, axis.targets[f] as FieldPath, value);
      if (!set.ok) return `${field}: ${set.reason}`;
      document = set.document;
    }
  }
  const key = JSON.stringify([...values].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  const seed = cellSeed((base as unknown as ScenarioDocument).seed, key);
  return { index, values, key, seed, document: { ...(document as unknown as ScenarioDocument), seed } };
}

/** The field as formatFieldPath writes the path it sets in this cell (entries by position). */
function displayPath(field: string, cell: SweepCell): string {
  const target = sweepFieldPath(field, cell.document as unknown as Record<string, unknown>);
  return target.ok ? formatFieldPath(target.path) : field;
}

function repeatedValue(values: readonly SweepValue[]): SweepValue | undefined {
  const seen = new Set<SweepValue>();
  for (const v of values) {
    if (seen.has(v)) return v;
    seen.add(v);
  }
  return undefined;
}
