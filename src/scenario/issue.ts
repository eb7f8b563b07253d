import type { FieldPath } from './field-path.js';

/**
 * Which node of the YAML document a problem points at:
 * `value` the offending value; `key` the key of a mapping entry (unknown keys);
 * `parent` the mapping that should have held the path (missing keys);
 * `{ offset }` a character offset the YAML parser gave (syntax errors).
 */
export type IssueAnchor = 'value' | 'key' | 'parent' | { readonly offset: number };

/** A problem before it has a file position; load.ts locates it in the YAML document. */
export interface Issue {
  readonly path: FieldPath;
  readonly message: string;
  /** The value seen, rendered short; '' when there is none (a missing key). */
  readonly value: string;
  readonly anchor: IssueAnchor;
}
