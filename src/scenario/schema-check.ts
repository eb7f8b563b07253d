/**
 * Checking data against the JSON schema with ajv, and turning ajv's errors into
 * Issues with readable messages (texts in messages.ts).
 */
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import { fieldPathFromJsonPointer, formatFieldPath, type FieldPath } from './field-path.js';
import type { Issue } from './issue.js';
import {
  describeSchema,
  expected,
  listTooShort,
  missingKey,
  notInList,
  renderValue,
  unknownKey,
  type DescribableSchema,
} from './messages.js';
import { SCHEMA_ID, type UnionBranch } from './schema.js';
import { describedScenarioSchema } from './schema-descriptions.js';
import { closestName } from './suggest.js';

/**
 * The schema's validator and the ajv instance that holds its definitions, made on first
 * use rather than at import: compiling takes about 0.1 s, which `--help`, `--version`
 * and `pos-sim report` would otherwise pay without reading a scenario.
 */
let compiled: { ajv: Ajv; validateDocument: ValidateFunction } | null = null;

function compiledSchema(): { ajv: Ajv; validateDocument: ValidateFunction } {
  if (compiled === null) {
    // verbose: errors carry the offending data and the schema around the keyword,
    // which the messages need. strictNumbers: NaN and .inf are not numbers.
    const ajv = new Ajv({ allErrors: true, verbose: true, strict: true, strictNumbers: true });
    // The schema `pos-sim schema` prints: the descriptions are annotations, checked by nothing.
    compiled = { ajv, validateDocument: ajv.compile(describedScenarioSchema()) };
  }
  return compiled;
}

/**
 * Fields whose schema is a union, checked branch by branch instead: the validator
 * fields by union-fields.ts, a sweep's grid (one grid or a list of them) by sweep.ts.
 */
const UNION_FIELD_POINTER = /^\/validators\/\d+\/(stake|connect|submit|bpm)(\/|$)|^\/sweep\/grid(\/|$)/;

/** Issues of the whole document, except inside union-typed fields. */
export function checkDocumentSchema(data: unknown): Issue[] {
  const { validateDocument } = compiledSchema();
  validateDocument(data);
  const errors = (validateDocument.errors ?? []).filter((error) => !UNION_FIELD_POINTER.test(error.instancePath));
  return issuesFromAjvErrors(errors, []);
}

/** Issues of `value` (found at `path`) against one branch of a union field. */
export function checkUnionBranch(branch: UnionBranch, value: unknown, path: FieldPath): Issue[] {
  const validate = branchValidator(branch);
  validate(value);
  return issuesFromAjvErrors(validate.errors ?? [], path);
}

function branchValidator(branch: UnionBranch): ValidateFunction {
  const validate = compiledSchema().ajv.getSchema(`${SCHEMA_ID}#/definitions/${branch}`);
  if (validate === undefined) throw new Error(`schema-check: no definition for union branch ${branch}`);
  return validate;
}

function issuesFromAjvErrors(errors: readonly ErrorObject[], basePath: FieldPath): Issue[] {
  const misspelt = misspeltRequiredKeys(errors);
  const seen = new Set<string>();
  const issues: Issue[] = [];
  for (const error of errors) {
    if (error.keyword === 'required' && misspelt.has(`${error.instancePath}/${String(error.params['missingProperty'])}`)) {
      continue; // `stke: 5` already says "did you mean stake?"; "stake is missing" would be the same mistake twice
    }
    const issue = issueFromAjvError(error, basePath);
    // A value can fail more than one keyword; one message per path is enough.
    const key = formatFieldPath(issue.path);
    if (seen.has(key)) continue;
    seen.add(key);
    issues.push(issue);
  }
  return issues;
}

/** Pointers (`/validators/0/stake`) of keys that an unknown key in the same mapping looks like a typo of. */
function misspeltRequiredKeys(errors: readonly ErrorObject[]): Set<string> {
  const pointers = new Set<string>();
  for (const error of errors) {
    if (error.keyword !== 'additionalProperties') continue;
    const suggestion = closestName(String(error.params['additionalProperty']), knownKeysOf(error));
    if (suggestion !== undefined) pointers.add(`${error.instancePath}/${suggestion}`);
  }
  return pointers;
}

function knownKeysOf(error: ErrorObject): string[] {
  const properties = (error.parentSchema as { properties?: Record<string, unknown> } | undefined)?.properties;
  return Object.keys(properties ?? {});
}

function issueFromAjvError(error: ErrorObject, basePath: FieldPath): Issue {
  const path = [...basePath, ...fieldPathFromJsonPointer(error.instancePath)];
  const schema = (error.parentSchema ?? {}) as DescribableSchema;
  const data: unknown = error.data;
  switch (error.keyword) {
    case 'required': {
      const key = String(error.params['missingProperty']);
      return { path: [...path, key], message: missingKey(key), value: '', anchor: 'parent' };
    }
    case 'additionalProperties': {
      const key = String(error.params['additionalProperty']);
      const knownKeys = knownKeysOf(error);
      const message = unknownKey(key, closestName(key, knownKeys), knownKeys);
      return { path: [...path, key], message, value: renderValue(valueAtKey(data, key)), anchor: 'key' };
    }
    case 'enum': {
      const allowed = (Array.isArray(schema.enum) ? schema.enum : []).map(String);
      const suggestion = typeof data === 'string' ? closestName(data, allowed) : undefined;
      return valueIssue(path, notInList(data, allowed, suggestion), data);
    }
    case 'minItems':
      return valueIssue(path, listTooShort(Number(error.params['limit']), data), data);
    default:
      return valueIssue(path, expected(describeSchema(schema, error.keyword), data), data);
  }
}

function valueIssue(path: FieldPath, message: string, data: unknown): Issue {
  return { path, message, value: renderValue(data), anchor: 'value' };
}

function valueAtKey(data: unknown, key: string): unknown {
  return typeof data === 'object' && data !== null ? (data as Record<string, unknown>)[key] : undefined;
}
