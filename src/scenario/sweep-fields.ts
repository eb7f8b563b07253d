/**
 * A sweep names each field it varies as a user writes it: `rewards.constant`,
 * `timings.lottery`, `validators.whale.stake` (a validator entry by its name, not its
 * position, so that adding an entry does not move an axis). This module turns such a
 * name into the document path it sets, and sets it in a copy of the document.
 */
import type { FieldPath } from './field-path.js';
import { closestName } from './suggest.js';
import type { SweepValue } from './schema.js';

/** Top-level fields a sweep cannot vary, and why. */
const FIXED_FIELDS: Readonly<Record<string, string>> = {
  name: 'it names the results',
  description: 'it describes the whole sweep',
  seed: "each cell's seed derives from the run seed and the cell's values; vary replications instead",
  sweep: 'a sweep cannot vary itself',
  track: 'it is a list, and tracked series must be the same in every cell to compare them',
  validators: 'name an entry and a field, e.g. validators.whale.count',
};

export type FieldTarget = { readonly ok: true; readonly path: FieldPath } | { readonly ok: false; readonly reason: string };

/**
 * The document path a sweep field sets.
 * @example sweepFieldPath('validators.whale.count', doc) => { ok: true, path: ['validators', 0, 'count'] }
 */
export function sweepFieldPath(field: string, document: Readonly<Record<string, unknown>>): FieldTarget {
  const [head = '', ...rest] = field.split('.');
  const why = FIXED_FIELDS[head];
  if (head === 'validators' && rest.length > 0) return entryFieldPath(field.slice('validators.'.length), document['validators']);
  if (why !== undefined) return { ok: false, reason: `${head} cannot be swept: ${why}` };
  return segmentsPath([head, ...rest], field);
}

/** `whale.stake.uniform.max` -> the entry named `whale` (names may hold dots: the longest that fits). */
function entryFieldPath(rest: string, entries: unknown): FieldTarget {
  const names = Array.isArray(entries) ? entries.map((e) => (isRecord(e) && typeof e['name'] === 'string' ? e['name'] : '')) : [];
  let best = -1;
  names.forEach((name, i) => {
    if (name !== '' && rest.startsWith(`${name}.`) && (best < 0 || name.length > (names[best] as string).length)) best = i;
  });
  if (best < 0) {
    const guess = closestName(rest.split('.')[0] ?? '', names);
    const hint = guess === undefined ? '' : ` (did you mean ${guess}?)`;
    return { ok: false, reason: `no validator entry is named ${JSON.stringify(rest.split('.')[0])}${hint}; write validators.NAME.FIELD` };
  }
  const tail = segmentsPath(rest.slice((names[best] as string).length + 1).split('.'), rest);
  return tail.ok ? { ok: true, path: ['validators', best, ...tail.path] } : tail;
}

function segmentsPath(segments: readonly string[], field: string): FieldTarget {
  if (segments.some((s) => s === '')) return { ok: false, reason: `${JSON.stringify(field)} has an empty part; write fields as a.b.c` };
  return { ok: true, path: segments };
}

/**
 * A deep copy of `document` with `value` at `path`, creating mappings on the way.
 * @returns the copy, or why the path cannot be set (it runs through a value that is not a mapping)
 */
export function withField(
  document: Readonly<Record<string, unknown>>,
  path: FieldPath,
  value: SweepValue,
): { ok: true; document: Record<string, unknown> } | { ok: false; reason: string } {
  const copy = structuredClone(document) as Record<string, unknown>;
  let node: Record<string, unknown> | unknown[] = copy;
  for (let i = 0; i < path.length - 1; i++) {
    const key = path[i] as string | number;
    const next: unknown = (node as Record<string | number, unknown>)[key];
    if (next === undefined) {
      const created: Record<string, unknown> = {};
      (node as Record<string | number, unknown>)[key] = created;
      node = created;
    } else if (isRecord(next) || Array.isArray(next)) {
      node = next;
    } else {
      return { ok: false, reason: `${path.slice(0, i + 1).join('.')} is ${JSON.stringify(next)}, not a mapping, so it has no field ${String(path[i + 1])}` };
    }
  }
  (node as Record<string | number, unknown>)[path[path.length - 1] as string | number] = value;
  return { ok: true, document: copy };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
