/**
 * Where a value sits in a scenario document: object keys and list indexes from the
 * root, e.g. `['validators', 3, 'stake', 'pareto', 'alpha']`.
 */
export type FieldPath = readonly (string | number)[];

/**
 * The path as users read it in messages: `validators[3].stake.pareto.alpha`.
 * The root is the empty string.
 * @example formatFieldPath(['validators', 3, 'stake']) === 'validators[3].stake'
 */
export function formatFieldPath(path: FieldPath): string {
  let text = '';
  for (const segment of path) {
    if (typeof segment === 'number') text += `[${segment}]`;
    else text += text === '' ? segment : `.${segment}`;
  }
  return text;
}

/**
 * Ajv reports locations as JSON pointers (`/validators/3/stake`). Segments that are
 * all digits are read as list indexes: the schema has no mapping with numeric keys,
 * and locating a number in a YAML mapping still matches the key `3` (see locate.ts).
 */
export function fieldPathFromJsonPointer(pointer: string): FieldPath {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((raw) => raw.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((segment) => (/^(0|[1-9]\d*)$/.test(segment) ? Number(segment) : segment));
}
