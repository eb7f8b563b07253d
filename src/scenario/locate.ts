/**
 * Finding where a field path sits in the YAML source, so that every problem gets a
 * line and column. Works on the parsed Document, not on the plain data, because
 * only the Document remembers source ranges.
 */
import { isAlias, isMap, isPair, isScalar, isSeq, type Document, type Node, type Pair } from 'yaml';
import type { FieldPath } from './field-path.js';
import type { IssueAnchor } from './issue.js';

type AnyDocument = Document.Parsed | Document;

/**
 * The character offset a problem should point at. A path that leads beyond the
 * document (e.g. inside a value of the wrong type) points at its deepest existing
 * ancestor.
 */
export function offsetOf(document: AnyDocument, path: FieldPath, anchor: IssueAnchor): number {
  if (typeof anchor === 'object') return anchor.offset;
  const target = anchor === 'parent' ? path.slice(0, -1) : path;
  const steps = walk(document, target);
  const last = steps[steps.length - 1];
  if (last === undefined) return rangeStart(document.contents) ?? 0;
  const reachedTarget = steps.length === target.length;
  if (reachedTarget && anchor === 'key' && last.pair !== undefined) {
    return rangeStart(last.pair.key) ?? 0;
  }
  // An empty value (`stake:` with nothing after it) has an empty range after the
  // colon; the key is where the reader looks.
  return nonEmptyRangeStart(last.node) ?? rangeStart(last.pair?.key) ?? 0;
}

/**
 * The field path of the mapping key at a character offset, e.g. `validators[0].stake`
 * for a duplicate key; undefined when the offset is on no key.
 */
export function keyPathAtOffset(document: AnyDocument, offset: number): FieldPath | undefined {
  const path: (string | number)[] = [];
  let node: unknown = document.contents;
  for (;;) {
    if (isMap(node)) {
      const pair = node.items.find((item) => contains(item.key, offset) || contains(item.value, offset));
      const key = keyText(pair?.key);
      if (pair === undefined || key === undefined) return undefined;
      path.push(key);
      if (contains(pair.key, offset)) return path;
      node = pair.value;
    } else if (isSeq(node)) {
      const index = node.items.findIndex((item) => contains(item, offset));
      if (index < 0) return undefined;
      path.push(index);
      node = node.items[index];
    } else {
      return undefined;
    }
  }
}

interface Step {
  readonly node: unknown;
  /** The mapping entry the node is the value of, if it is one. */
  readonly pair?: Pair;
}

/** One step per path segment that exists in the document, aliases followed. */
function walk(document: AnyDocument, path: FieldPath): Step[] {
  const steps: Step[] = [];
  let node: unknown = document.contents;
  for (const segment of path) {
    if (isAlias(node)) node = node.resolve(document as Document);
    if (isMap(node)) {
      const pair = node.items.find((item) => keyText(item.key) === String(segment));
      if (pair === undefined) break;
      steps.push({ node: pair.value, pair });
      node = pair.value;
    } else if (isSeq(node) && typeof segment === 'number') {
      const item: unknown = node.items[segment];
      if (item === undefined) break;
      steps.push({ node: item });
      node = item;
    } else {
      break;
    }
  }
  return steps;
}

function keyText(key: unknown): string | undefined {
  return isScalar(key) ? String(key.value) : undefined;
}

function rangeOf(node: unknown): readonly number[] | undefined {
  if (isPair(node)) return undefined;
  return (node as Node | null | undefined)?.range ?? undefined;
}

function rangeStart(node: unknown): number | undefined {
  return rangeOf(node)?.[0];
}

function nonEmptyRangeStart(node: unknown): number | undefined {
  const range = rangeOf(node);
  if (range === undefined || range[0] === range[1]) return undefined;
  return range[0];
}

function contains(node: unknown, offset: number): boolean {
  const range = rangeOf(node);
  const start = range?.[0];
  const end = range?.[2];
  return start !== undefined && end !== undefined && start <= offset && offset < end;
}
