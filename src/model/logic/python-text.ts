/**
 * The seed server is Python: these reproduce, exactly, the two Python behaviours its
 * observable output depends on: `str(datetime)` and `int(bytes)`.
 */

const START_PATTERN = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})(?:\.(\d{6}))?$/;

/**
 * Parses a Python `str(datetime)` text into microseconds since 1970-01-01 (naive: no
 * time zone, no DST, as `datetime.now()` values are).
 * @throws if the text is not `YYYY-MM-DD HH:MM:SS[.ffffff]` or names no real date
 */
export function parsePythonDatetime(text: string): number {
  const m = START_PATTERN.exec(text);
  if (!m) throw new RangeError(`parsePythonDatetime: expected YYYY-MM-DD HH:MM:SS[.ffffff], got ${JSON.stringify(text)}`);
  const [y, mo, d, h, mi, s] = m.slice(1, 7).map(Number) as [number, number, number, number, number, number];
  const ms = Date.UTC(y, mo - 1, d, h, mi, s);
  const back = new Date(ms);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d || h > 23 || mi > 59 || s > 59) {
    throw new RangeError(`parsePythonDatetime: not a real date and time: ${JSON.stringify(text)}`);
  }
  return ms * 1000 + (m[7] ? Number(m[7]) : 0);
}

const pad2 = (n: number): string => (n < 10 ? '0' : '') + n;

/**
 * Python's `str(datetime)` for a time in microseconds since 1970:
 * `YYYY-MM-DD HH:MM:SS.ffffff`, with `.ffffff` omitted when the microseconds are 0.
 */
export function formatPythonDatetime(epochUs: number): string {
  const micros = ((epochUs % 1_000_000) + 1_000_000) % 1_000_000;
  const text = secondText(epochUs - micros);
  return micros === 0 ? text : `${text}.${String(micros).padStart(6, '0')}`;
}

/** The last whole second {@link secondText} made text of, and that text. */
let lastSecondUs = NaN;
let lastSecondText = '';

/**
 * `YYYY-MM-DD HH:MM:SS` of a whole second, the last one kept: blocks and connects come
 * many to a second, and a Date and a dozen strings per call were most of what a
 * connect allocated.
 */
function secondText(secondUs: number): string {
  if (secondUs === lastSecondUs) return lastSecondText;
  const date = new Date(secondUs / 1000);
  const y = date.getUTCFullYear();
  lastSecondText =
    `${String(y).padStart(4, '0')}-${pad2(date.getUTCMonth() + 1)}-${pad2(date.getUTCDate())} ` +
    `${pad2(date.getUTCHours())}:${pad2(date.getUTCMinutes())}:${pad2(date.getUTCSeconds())}`;
  lastSecondUs = secondUs;
  return lastSecondText;
}

/**
 * `len(str(datetime))` for the instant {@link formatPythonDatetime} formats, without
 * formatting it: 19 characters, plus 7 for `.ffffff` unless the microseconds are 0
 * (years 1 to 9999, written with four digits, as Python does).
 */
export function pythonDatetimeLength(epochUs: number): number {
  return epochUs % 1_000_000 === 0 ? 19 : 26;
}

// Python's int() on bytes: optional ASCII whitespace around, an optional sign, decimal
// digits with single underscores allowed between digits.
const PY_INT_PATTERN = /^[ \t\n\r\v\f]*([+-]?)(\d+(?:_\d+)*)[ \t\n\r\v\f]*$/;

/**
 * What Python's `int(line)` gives for the bytes a client typed, or null where it
 * raises (empty input, letters, two numbers in one read, ...).
 * @example pythonInt(' +1_000\n') // 1000n
 */
export function pythonInt(text: string): bigint | null {
  const m = PY_INT_PATTERN.exec(text);
  if (!m) return null;
  const value = BigInt((m[2] as string).replaceAll('_', ''));
  return m[1] === '-' ? -value : value;
}
