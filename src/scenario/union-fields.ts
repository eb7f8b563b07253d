/**
 * The validator fields that take one of several shapes: stake, connect, submit, bpm.
 *
 * Ajv checks a union by trying every branch and reporting every failure, so
 * `stake: -5` would yield "must be >= 0", "must be string", "must be object" x4 and
 * "must match exactly one schema". Here the branch is picked first from the value's
 * type (and, for a mapping, from its key, e.g. `pareto`), then ajv checks that one
 * branch, so the user reads one message about the shape they meant.
 */
import { isRecord } from './data-guards.js';
import type { FieldPath } from './field-path.js';
import type { Issue } from './issue.js';
import {
  BPM_INPUT_SHAPES,
  BPM_SHAPES,
  CONNECT_SHAPES,
  STAKE_SHAPES,
  SUBMIT_SHAPES,
  conflictingVariants,
  expectedShape,
  listTooShort,
  renderValue,
  unknownKey,
} from './messages.js';
import { checkUnionBranch } from './schema-check.js';
import type { UnionBranch } from './schema.js';
import { closestName } from './suggest.js';

/** For a mapping: which key selects which branch. */
type VariantsByKey = Readonly<Record<string, UnionBranch>>;

const STAKE_VARIANTS: VariantsByKey = {
  uniform: 'stakeUniform',
  pareto: 'stakePareto',
  lognormal: 'stakeLognormal',
  values: 'stakeValues',
};
// `phase` alone still means the fixed-interval form (then `every` is reported missing).
const SUBMIT_VARIANTS: VariantsByKey = {
  every: 'submitEvery',
  phase: 'submitEvery',
  poisson: 'submitPoisson',
  at: 'submitAt',
};
const BPM_VARIANTS: VariantsByKey = { uniform: 'bpmUniform' };

/** Issues in the union-typed fields of every validator entry that is a mapping. */
export function checkUnionFields(data: unknown): Issue[] {
  const validators = isRecord(data) ? data['validators'] : undefined;
  if (!Array.isArray(validators)) return [];
  return validators.flatMap((entry: unknown, index) => {
    if (!isRecord(entry)) return [];
    const at = (field: string): FieldPath => ['validators', index, field];
    return [
      ...('stake' in entry ? checkStake(entry['stake'], at('stake')) : []),
      ...('connect' in entry ? checkConnect(entry['connect'], at('connect')) : []),
      ...('submit' in entry ? checkSubmit(entry['submit'], at('submit')) : []),
      ...('bpm' in entry ? checkBpm(entry['bpm'], at('bpm')) : []),
    ];
  });
}

function checkStake(value: unknown, path: FieldPath): Issue[] {
  if (typeof value === 'number') return checkUnionBranch('stakeInteger', value, path);
  if (typeof value === 'string') return [];
  if (isRecord(value)) return checkVariant(value, path, STAKE_VARIANTS, STAKE_SHAPES);
  return [shapeIssue(path, STAKE_SHAPES, value)];
}

function checkConnect(value: unknown, path: FieldPath): Issue[] {
  if (typeof value === 'number') return checkUnionBranch('connectTime', value, path);
  if (isRecord(value)) return checkUnionBranch('connectSpread', value, path);
  return [shapeIssue(path, CONNECT_SHAPES, value)];
}

function checkSubmit(value: unknown, path: FieldPath): Issue[] {
  if (value === 'none') return [];
  if (isRecord(value)) return checkVariant(value, path, SUBMIT_VARIANTS, SUBMIT_SHAPES);
  const suggestion = typeof value === 'string' ? closestName(value, ['none']) : undefined;
  return [shapeIssue(path, SUBMIT_SHAPES, value, suggestion)];
}

function checkBpm(value: unknown, path: FieldPath): Issue[] {
  if (typeof value === 'number') return checkUnionBranch('bpmInteger', value, path);
  if (isRecord(value)) return checkVariant(value, path, BPM_VARIANTS, BPM_SHAPES);
  if (!Array.isArray(value)) return [shapeIssue(path, BPM_SHAPES, value)];
  if (value.length === 0) return [{ path, message: listTooShort(1, value), value: renderValue(value), anchor: 'value' }];
  return value.flatMap((item: unknown, index) => {
    if (typeof item === 'number') return checkUnionBranch('bpmInteger', item, [...path, index]);
    if (typeof item === 'string') return [];
    return [shapeIssue([...path, index], BPM_INPUT_SHAPES, item)];
  });
}

/**
 * A mapping: the first key that names a variant picks the branch. Keys of two
 * different variants (`{uniform: ..., pareto: ...}`) are a conflict; a key naming
 * no variant gets a "did you mean" hint.
 */
function checkVariant(value: Record<string, unknown>, path: FieldPath, variants: VariantsByKey, shapes: string): Issue[] {
  const keys = Object.keys(value);
  const variantNames = [...new Set(Object.keys(variants))];
  const selecting = keys.filter((key) => Object.hasOwn(variants, key));
  const [first] = selecting;
  const branch = first === undefined ? undefined : variants[first];
  if (first !== undefined && branch !== undefined) {
    const conflicting = selecting.find((key) => variants[key] !== branch);
    if (conflicting === undefined) return checkUnionBranch(branch, value, path);
    const message = conflictingVariants(first, conflicting);
    return [{ path: [...path, conflicting], message, value: renderValue(value[conflicting]), anchor: 'key' }];
  }
  const firstKey = keys[0];
  if (firstKey === undefined) return [shapeIssue(path, shapes, value)];
  return [
    {
      path: [...path, firstKey],
      message: unknownKey(firstKey, closestName(firstKey, variantNames), variantNames),
      value: renderValue(value[firstKey]),
      anchor: 'key',
    },
  ];
}

function shapeIssue(path: FieldPath, shapes: string, value: unknown, suggestion?: string): Issue {
  return { path, message: expectedShape(shapes, value, suggestion), value: renderValue(value), anchor: 'value' };
}
