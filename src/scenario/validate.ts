/**
 * Step 2 of loading: plain data -> every problem at once, in three passes that
 * always all run (so a typo and a bad time in one file are both reported):
 *   1. shape, by the JSON schema, except the union-typed fields (schema-check.ts)
 *   2. the union-typed validator fields, one branch each (union-fields.ts)
 *   3. rules between fields and entries (rules.ts, entry-rules.ts)
 * Each pass skips values of the wrong shape, so one mistake yields one Issue.
 */
import type { Issue } from './issue.js';
import { emptyScenario } from './messages.js';
import { checkRules } from './rules.js';
import { checkDocumentSchema } from './schema-check.js';
import { checkUnionFields } from './union-fields.js';

/** No Issues means `data` is a valid ScenarioDocument (schema.ts). */
export function validateScenario(data: unknown): Issue[] {
  // An empty file (or one holding only comments) reads as null: one clear message beats a type error.
  if (data === null || data === undefined) return [{ path: [], message: emptyScenario(), value: '', anchor: 'value' }];
  return [...checkDocumentSchema(data), ...checkUnionFields(data), ...checkRules(data)];
}
