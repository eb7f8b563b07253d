/** An array or object whose JSON is at most this long stays on one line, however deep it sits. */
const LINE_WIDTH = 140;

/**
 * A spec as JSON for people: indented like JSON.stringify(spec, null, 2), except
 * that any array or object that fits on one line stays on it. Inlined data rows
 * then take a line each, not eight, so a spec stays small enough to open and edit.
 */
export function specJson(value: unknown): string {
  return `${format(value, '')}\n`;
}

function format(value: unknown, indent: string): string {
  const flat = JSON.stringify(value);
  if (flat === undefined) return 'null';
  if (value === null || typeof value !== 'object' || flat.length <= LINE_WIDTH) return flat;
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    return `[\n${value.map((v) => inner + format(v, inner)).join(',\n')}\n${indent}]`;
  }
  const entries = Object.entries(value).filter(([, v]) => v !== undefined);
  if (entries.length === 0) return '{}';
  return `{\n${entries.map(([k, v]) => `${inner}${JSON.stringify(k)}: ${format(v, inner)}`).join(',\n')}\n${indent}}`;
}
