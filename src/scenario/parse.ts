/**
 * Step 1 of loading: YAML text -> a Document that keeps source positions, plus
 * the YAML-level problems (syntax errors, duplicate keys, unresolved tags).
 */
import { isMap, isPair, isSeq, LineCounter, parseDocument, type Document, type YAMLError } from 'yaml';
import type { Issue } from './issue.js';
import { keyPathAtOffset } from './locate.js';
import { nestedTooDeep, renderValue, yamlDuplicateKey, yamlSyntaxError, yamlWarning } from './messages.js';

/**
 * A scenario nests five levels or so (validators[0].stake.uniform.min); deeper data is
 * refused before anything recursive (toJS, the schema check) can overflow the stack.
 */
export const MAX_NESTING = 32;

export interface ParsedScenarioText {
  readonly document: Document.Parsed;
  /** Turns character offsets into 1-based line and column. */
  readonly lineCounter: LineCounter;
  /** Empty when the text is well-formed YAML. */
  readonly yamlIssues: readonly Issue[];
  /** The plain data to validate (undefined when there are yamlIssues). */
  readonly data: unknown;
}

export function parseScenarioText(text: string): ParsedScenarioText {
  const lineCounter = new LineCounter();
  // YAML 1.2 core schema (the default): `yes`, `on` and unquoted dates stay text,
  // and `uniqueKeys` makes a repeated key an error instead of a silent overwrite.
  // prettyErrors off: positions come from the LineCounter, messages stay one line.
  const document = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const yamlIssues = [
    ...document.errors.map((error) => yamlIssue(document, text, error, false)),
    // Warnings (e.g. an unknown tag such as `!!integer 5`) change what a value means, so they count as problems.
    ...document.warnings.map((warning) => yamlIssue(document, text, warning, true)),
  ];
  if (yamlIssues.length > 0) return { document, lineCounter, yamlIssues, data: undefined };
  const tooDeep = offsetBeyondNesting(document, MAX_NESTING);
  if (tooDeep !== null) {
    const issue: Issue = { path: [], message: nestedTooDeep(MAX_NESTING), value: '', anchor: { offset: tooDeep } };
    return { document, lineCounter, yamlIssues: [issue], data: undefined };
  }
  try {
    return { document, lineCounter, yamlIssues, data: document.toJS() };
  } catch (error) {
    // toJS refuses alias bombs (`maxAliasCount`): well-formed YAML that expands too far.
    const message = yamlSyntaxError(error instanceof Error ? error.message : String(error));
    return { document, lineCounter, yamlIssues: [{ path: [], message, value: '', anchor: 'value' }], data: undefined };
  }
}

/** Where the document first nests deeper than `limit` collections, or null; iterative, so no depth overflows it. */
function offsetBeyondNesting(document: Document.Parsed, limit: number): number | null {
  const stack: Array<{ node: unknown; depth: number }> = [{ node: document.contents, depth: 0 }];
  for (let top = stack.pop(); top !== undefined; top = stack.pop()) {
    const { node, depth } = top;
    if (!isMap(node) && !isSeq(node)) continue;
    if (depth >= limit) return node.range?.[0] ?? 0;
    for (const item of node.items) stack.push({ node: isPair(item) ? item.value : item, depth: depth + 1 });
  }
  return null;
}

/** The parser's own stack overflow on deep nesting, in words a user can act on. */
function yamlErrorText(message: string): string {
  return /call stack/i.test(message) ? nestedTooDeep(MAX_NESTING) : yamlSyntaxError(message);
}

/**
 * Syntax errors get a position but no field path: the structure around them is the
 * parser's guess at recovery, and a guessed path would mislead. A duplicate key sits
 * in well-formed structure, so it gets the key's path.
 */
function yamlIssue(document: Document.Parsed, text: string, error: YAMLError, isWarning: boolean): Issue {
  const start = skipIndentation(text, error.pos[0]);
  const duplicatePath = error.code === 'DUPLICATE_KEY' ? keyPathAtOffset(document, start) : undefined;
  const duplicateKey = duplicatePath?.[duplicatePath.length - 1];
  const message =
    duplicateKey !== undefined
      ? yamlDuplicateKey(String(duplicateKey))
      : isWarning
        ? yamlWarning(error.message)
        : yamlErrorText(error.message);
  const line = sourceLineAt(text, start);
  return {
    path: duplicatePath ?? [],
    message,
    value: line === '' ? '' : renderValue(line),
    anchor: { offset: start },
  };
}

/** Indentation errors are reported at the line start; the reader looks for the first character. */
function skipIndentation(text: string, offset: number): number {
  let at = offset;
  while (text[at] === ' ' || text[at] === '\t') at++;
  return text[at] === undefined || text[at] === '\n' || text[at] === '\r' ? offset : at;
}

/** The source line an offset falls on, trimmed: the context a reader needs for a syntax error. */
function sourceLineAt(text: string, offset: number): string {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const lineEnd = text.indexOf('\n', offset);
  return text.slice(lineStart, lineEnd < 0 ? text.length : lineEnd).trim();
}
