/**
 * Every user-facing text of the scenario loader, so that wording stays consistent
 * and can be reviewed in one place. A message is read after its location and path,
 * e.g. `whales.yaml:14:12 validators[3].stake: expected an integer >= 0, got -5`,
 * so it does not repeat the path.
 */
import { MAX_INTEGER, MAX_SECONDS, NAME_PATTERN, SCENARIO_NAME_PATTERN, START_PATTERN } from './schema.js';

const MAX_RENDERED_LENGTH = 40;

/**
 * A value as it appears in a message: strings quoted (so `""` and `" 100\n"` stay
 * visible), collections in JSON, all cut to about 40 characters.
 * @example renderValue(-5) === '-5'; renderValue('abc') === '"abc"'
 */
export function renderValue(value: unknown): string {
  if (value === undefined) return '';
  if (typeof value === 'number') return renderNumber(value);
  const text = JSON.stringify(value) ?? String(value);
  return text.length <= MAX_RENDERED_LENGTH ? text : `${text.slice(0, MAX_RENDERED_LENGTH - 1)}…`;
}

function renderNumber(value: number): string {
  if (Number.isNaN(value)) return '.nan';
  if (value === Infinity) return '.inf';
  if (value === -Infinity) return '-.inf';
  return String(value);
}

const quote = (text: string): string => JSON.stringify(text);

function didYouMean(suggestion: string | undefined): string {
  return suggestion === undefined ? '' : `; did you mean ${quote(suggestion)}?`;
}

export const expected = (what: string, got: unknown): string => `expected ${what}, got ${renderValue(got)}`;

// --- Describing what a schema accepts (used for ajv's type and bound errors) ---

/** The part of a JSON schema that a description reads. */
export interface DescribableSchema {
  type?: unknown;
  minimum?: unknown;
  maximum?: unknown;
  exclusiveMinimum?: unknown;
  enum?: unknown;
  const?: unknown;
  pattern?: unknown;
  minLength?: unknown;
  minItems?: unknown;
  maxItems?: unknown;
  maxLength?: unknown;
}

const PATTERN_MEANINGS: Record<string, string> = {
  [NAME_PATTERN]: 'a name made of letters, digits, "_", "." and "-"',
  [SCENARIO_NAME_PATTERN]: 'a name made of letters, digits, "_", "-" and inner "." (it names the results folder)',
  [START_PATTERN]: 'a date and time as Python prints it, "YYYY-MM-DD HH:MM:SS" or "YYYY-MM-DD HH:MM:SS.ffffff"',
};

/** Bounds that only guard against overflow: mentioned only when they are what failed. */
const TECHNICAL_MAXIMA = new Set<unknown>([MAX_INTEGER, MAX_SECONDS]);
const TECHNICAL_MINIMA = new Set<unknown>([-MAX_INTEGER]);

/**
 * What a (non-union) schema accepts, in words: `an integer >= 0`, `a number > 0`,
 * `a mapping`, `one of "seed", "fixed"`.
 */
export function describeSchema(schema: DescribableSchema, failedKeyword: string): string {
  if (failedKeyword === 'maxLength') return `a text of at most ${String(schema.maxLength)} characters`;
  if (failedKeyword === 'maxItems') return `a list of at most ${String(schema.maxItems)} items`;
  if (Array.isArray(schema.enum)) return `one of ${schema.enum.map((v) => renderValue(v)).join(', ')}`;
  if (schema.const !== undefined) return renderValue(schema.const);
  if (typeof schema.pattern === 'string') return PATTERN_MEANINGS[schema.pattern] ?? `text matching ${schema.pattern}`;
  switch (schema.type) {
    case 'object':
      return 'a mapping';
    case 'array':
      return schema.minItems === 1 ? 'a non-empty list' : 'a list';
    case 'string':
      return schema.minLength === 1 ? 'a non-empty text' : 'a text';
    case 'integer':
      return `an integer${describeBounds(schema, failedKeyword)}`;
    case 'number':
      return `a number${describeBounds(schema, failedKeyword)}`;
    default:
      return 'a valid value';
  }
}

function describeBounds(schema: DescribableSchema, failedKeyword: string): string {
  const maximum =
    typeof schema.maximum === 'number' && (!TECHNICAL_MAXIMA.has(schema.maximum) || failedKeyword === 'maximum')
      ? schema.maximum
      : undefined;
  const minimum =
    typeof schema.minimum === 'number' && (!TECHNICAL_MINIMA.has(schema.minimum) || failedKeyword === 'minimum')
      ? schema.minimum
      : undefined;
  const exclusiveMinimum = typeof schema.exclusiveMinimum === 'number' ? schema.exclusiveMinimum : undefined;
  if (minimum !== undefined && maximum !== undefined) {
    return ` from ${renderNumber(minimum)} to ${renderNumber(maximum)}`;
  }
  const parts: string[] = [];
  if (minimum !== undefined) parts.push(`>= ${renderNumber(minimum)}`);
  if (exclusiveMinimum !== undefined) parts.push(`> ${renderNumber(exclusiveMinimum)}`);
  if (maximum !== undefined) parts.push(`<= ${renderNumber(maximum)}`);
  return parts.length === 0 ? '' : ` ${parts.join(' and ')}`;
}

// --- Keys ---

export const missingKey = (key: string): string => `missing required key ${quote(key)}`;

export const emptyScenario = (): string =>
  'the scenario is empty; expected a mapping with at least "name", "seed", "validators" and "rounds" or "duration"';

export function unknownKey(key: string, suggestion: string | undefined, knownKeys: readonly string[]): string {
  if (suggestion !== undefined) return `unknown key ${quote(key)}${didYouMean(suggestion)}`;
  return `unknown key ${quote(key)}; expected one of ${knownKeys.join(', ')}`;
}

export const notInList = (value: unknown, allowed: readonly string[], suggestion: string | undefined): string =>
  `${expected(`one of ${allowed.map(quote).join(', ')}`, value)}${didYouMean(suggestion)}`;

export const listTooShort = (minItems: number, got: unknown): string =>
  expected(minItems === 1 ? 'a non-empty list' : `a list of at least ${minItems} items`, got);

// --- YAML syntax ---

export const yamlSyntaxError = (yamlMessage: string): string => `YAML syntax error: ${yamlMessage}`;
export const yamlDuplicateKey = (key: string): string =>
  `duplicate key ${quote(key)}: a key may appear only once in a mapping`;
export const yamlWarning = (yamlMessage: string): string => `YAML problem: ${yamlMessage}`;

// --- Union-typed validator fields ---

export const STAKE_SHAPES =
  'an integer >= 0, a quoted text the client types, or one of {uniform: ...}, {pareto: ...}, {lognormal: ...}, {values: [...]}';
export const CONNECT_SHAPES = 'a number of seconds >= 0, or {at: seconds, every: seconds}';
export const SUBMIT_SHAPES = '{every: seconds}, {poisson: rate}, {at: [seconds, ...]}, or "none"';
export const BPM_SHAPES = 'an integer, a list of BPM inputs, or {uniform: {min, max}}';
export const BPM_INPUT_SHAPES = 'an integer or a quoted text the client types';

export const expectedShape = (shapes: string, got: unknown, suggestion: string | undefined): string =>
  `${expected(shapes, got)}${didYouMean(suggestion)}`;

export const conflictingVariants = (chosen: string, other: string): string =>
  `${quote(other)} cannot be combined with ${quote(chosen)}: give one form only`;

// --- Rules between fields ---

export const noStopCondition = (): string => 'at least one of "rounds" or "duration" is required, so that the run ends';

export const finerThanMicrosecond = (seconds: number): string =>
  `${renderNumber(seconds)} s is finer than 1 µs; times have microsecond resolution`;

export const finerThanMillisecond = (seconds: number): string =>
  `${renderNumber(seconds)} s is finer than 1 ms; server timings and the duration have millisecond resolution`;

export const notACalendarDate = (text: string): string => `${quote(text)} is not a valid date and time`;

export const duplicateName = (name: string, firstPath: string): string =>
  `name ${quote(name)} is already used by ${firstPath}`;

export const duplicateValidatorId = (id: string, firstPath: string): string =>
  `this entry makes validator id ${quote(id)}, which ${firstPath} makes too`;

export const notAscending = (seconds: number, previousSeconds: number): string =>
  `times must be strictly ascending, got ${renderNumber(seconds)} after ${renderNumber(previousSeconds)}`;

export const submitBeforeConnect = (seconds: number, memberId: string, connectSeconds: number): string =>
  `submission at ${renderNumber(seconds)} s is before validator ${quote(memberId)} connects (${secondsText(connectSeconds)})`;

export const submitNotBeforeLeave = (seconds: number, leaveSeconds: number): string =>
  `submission at ${renderNumber(seconds)} s is not before the entry leaves at ${renderNumber(leaveSeconds)} s`;

export const leaveNotAfterConnect = (leaveSeconds: number, memberId: string, connectSeconds: number): string =>
  `leave at ${renderNumber(leaveSeconds)} s must be after validator ${quote(memberId)} connects (${secondsText(connectSeconds)})`;

export const valuesLengthMismatch = (length: number, count: number): string =>
  `expected ${count} value${count === 1 ? '' : 's'} (one per validator, count = ${count}), got ${length}`;

export const minAboveMax = (min: number, max: number): string =>
  `min (${renderNumber(min)}) must not be above max (${renderNumber(max)})`;

export const phaseNotBelowEvery = (phase: number, every: number): string =>
  `phase must be below the interval (every = ${renderNumber(every)} s), got ${renderNumber(phase)}`;

function secondsText(seconds: number): string {
  // Connect times are built from µs steps; print them without float noise.
  return `${Number(seconds.toFixed(6))} s`;
}

// --- Overrides passed by the CLI ---

export const badSeedOverride = (seed: number): string =>
  `loadScenario: the seed override must be an integer from 0 to 4294967295, got ${renderNumber(seed)}`;

export const badRoundsOverride = (rounds: number): string =>
  `loadScenario: the rounds override must be an integer >= 1, got ${renderNumber(rounds)}`;

export const problemsFound = (file: string, count: number): string =>
  `${file}: ${count} problem${count === 1 ? '' : 's'} in the scenario`;

export const ambiguousRewards = (kinds: readonly string[]): string =>
  kinds.length === 0
    ? 'expected one reward kind: constant, inflation or geometric'
    : `expected one reward kind, got ${kinds.length}: ${kinds.join(', ')}`;

export const unknownTrackName = (name: string): string =>
  `${quote(name)} is neither a validator id nor an entry name`;

// --- What a run can replay exactly and to an end (run-bounds.ts) ---

export const tooManyValidators = (count: number, limit: number): string =>
  `the scenario makes ${count.toLocaleString('en-US')} validators; pos-sim runs at most ${limit.toLocaleString('en-US')}`;

export const stakeTotalTooLarge = (total: number): string =>
  `the stakes add up to ${total.toLocaleString('en-US')} tokens, beyond 2^53 - 1 = 9,007,199,254,740,991: a draw could not be exact`;

export const typedNumberTooLarge = (text: string): string =>
  `${quote(text)} reads as an integer beyond 2^53 - 1 = 9,007,199,254,740,991: pos-sim cannot replay it exactly`;

export const noTicketsEver = (): string =>
  'clients type forever, but none of them holds tickets: under rules: fixed their pools are skipped, and once validators with tickets stop typing the run could not reach its rounds before the time limit (give a validator with a stake > 0 that keeps submitting, or a duration)';

export const roundsBeyondTimeLimit = (rounds: number, intervalSeconds: number, limitSeconds: number): string =>
  `${rounds.toLocaleString('en-US')} rounds of at least ${renderNumber(intervalSeconds)} s each need more virtual time than the limit of ${limitSeconds.toExponential(0).replace('e+', 'e')} s; at most ${Math.floor(limitSeconds / intervalSeconds).toLocaleString('en-US')} rounds fit`;

export const nestedTooDeep = (limit: number): string =>
  `the document nests deeper than ${limit} levels; a scenario needs a handful`;

export const sweepNotRunnable = (): string =>
  'this file is a sweep: run it with `pos-sim sweep FILE` (or remove the sweep block to run one scenario)';
export const noSweepBlock = (): string => 'this file has no sweep block: run it with `pos-sim run FILE`, or add `sweep: {replications: N, grid: {FIELD: [VALUES]}}`';
