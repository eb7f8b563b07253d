/**
 * The JSON schema of a scenario file (draft-07, checked by ajv), and the TypeScript
 * shape of a document that passed validation.
 *
 * Every object is closed (`additionalProperties: false`) so a typo is an error, not
 * a silently ignored key. The union-typed validator fields (stake, connect, submit,
 * bpm) are described here in full so that editors can use the schema, but
 * validate.ts checks them branch by branch (union-fields.ts) because ajv's
 * oneOf/anyOf errors list every failed branch and read as noise.
 *
 * Times are seconds. Their resolution (1 µs, or 1 ms for server timings) and every
 * rule that relates two fields are checked in rules.ts, not here.
 */

import { costedSchemaFields, type CostedDocumentFields } from './costed-timing.js';

export const SCHEMA_ID = 'https://pos-sim.local/scenario.schema.json';

/** The run seed must fit the 32-bit seeds the CLI and manifests use. */
export const MAX_SEED = 4294967295;
/** Integers must stay exact in a JS number. */
export const MAX_INTEGER = Number.MAX_SAFE_INTEGER;
/** About 3 years: far beyond any run, and small enough that µs resolution stays checkable (units.ts). */
export const MAX_SECONDS = 1e8;
/**
 * Lines per second of a Poisson client: times have µs resolution, and a rate far above
 * one line per ms types line after line at one instant, without end (the fuzz found
 * `poisson: 2.4e42` running forever).
 */
export const MAX_POISSON_RATE = 1000;
/** The sync senders' period, at most an hour (the seed's is 30 s): 29 MB of counting table. */
export const MAX_SYNC_SECONDS = 3600;
/** A poller's sleep, at most 2^31 - 1 µs (about 36 minutes; the seed's is 3 s). */
export const MAX_POLL_SECONDS = 2147;
/** Guards against a typo (an extra zero or three) that would exhaust memory. */
export const MAX_COUNT = 1_000_000;

/** Replications of each cell of a sweep, as for `pos-sim run --replications`. */
export const MAX_SWEEP_REPLICATIONS = 1_000_000;
/** Cells of a sweep: each resolves a scenario to validate it, so a typo'd axis of 10^6 values is refused. */
export const MAX_SWEEP_CELLS = 10_000;

/** `[A-Za-z0-9_.-]+`: validator ids go into file names and CSV columns. */
export const NAME_PATTERN = '^[A-Za-z0-9_.-]+$';
/**
 * The scenario's name becomes a results folder's name (with the seed and a time
 * stamp): letters, digits, `_`, `-` and inner dots only, so it can name no parent
 * (`..`), hidden (`.x`) or nested (`a/b`) folder.
 */
export const SCENARIO_NAME_PATTERN = '^[A-Za-z0-9_-]([A-Za-z0-9_.-]*[A-Za-z0-9_-])?$';
/** Names stay well inside a file name's 255 bytes, with room for the seed and the time stamp. */
export const MAX_NAME_LENGTH = 100;
/** A scenario describes validators by groups; more entries than this is a generated file gone wrong. */
export const MAX_ENTRIES = 10_000;
/** Validators of all entries together: about 1 KB each in a run, so some 2 GB at the limit. */
export const MAX_VALIDATORS = 2_000_000;
/** Python's `str(datetime)`: `YYYY-MM-DD HH:MM:SS` with an optional `.ffffff`. */
export const START_PATTERN = '^\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}(\\.\\d{6})?$';

export const RULES = ['seed', 'fixed'] as const;
export const LOTTERY_MODES = ['periodic', 'literal'] as const;

type JsonSchema = Record<string, unknown>;

const ref = (definition: string): JsonSchema => ({ $ref: `#/definitions/${definition}` });

function closedObject(properties: Record<string, JsonSchema>, required: readonly string[] = []): JsonSchema {
  return { type: 'object', properties, required, additionalProperties: false };
}

const nonNegativeSeconds = { type: 'number', minimum: 0, maximum: MAX_SECONDS };
const positiveSeconds = { type: 'number', exclusiveMinimum: 0, maximum: MAX_SECONDS };
const positiveNumber = { type: 'number', exclusiveMinimum: 0 };
const nonNegativeNumber = { type: 'number', minimum: 0 };
const stakeInteger = { type: 'integer', minimum: 0, maximum: MAX_INTEGER };
const bpmInteger = { type: 'integer', minimum: -MAX_INTEGER, maximum: MAX_INTEGER };
const rawText = { type: 'string' };

/** One schema per branch of each union-typed field; union-fields.ts picks the branch. */
const unionBranches = {
  stakeInteger,
  stakeText: rawText,
  stakeUniform: closedObject(
    { uniform: closedObject({ min: stakeInteger, max: stakeInteger }, ['min', 'max']) },
    ['uniform'],
  ),
  stakePareto: closedObject(
    { pareto: closedObject({ min: positiveNumber, alpha: positiveNumber, max: positiveNumber }, ['min', 'alpha']) },
    ['pareto'],
  ),
  stakeLognormal: closedObject(
    { lognormal: closedObject({ median: positiveNumber, sigma: nonNegativeNumber }, ['median', 'sigma']) },
    ['lognormal'],
  ),
  stakeValues: closedObject({ values: { type: 'array', minItems: 1, items: stakeInteger } }, ['values']),

  connectTime: nonNegativeSeconds,
  connectSpread: closedObject({ at: nonNegativeSeconds, every: nonNegativeSeconds }, ['at']),

  submitEvery: closedObject({ every: positiveSeconds, phase: nonNegativeSeconds }, ['every']),
  submitPoisson: closedObject({ poisson: { ...positiveNumber, maximum: MAX_POISSON_RATE } }, ['poisson']),
  submitAt: closedObject({ at: { type: 'array', minItems: 1, items: nonNegativeSeconds } }, ['at']),
  submitNone: { const: 'none' },

  bpmInteger,
  bpmInput: { anyOf: [bpmInteger, rawText] },
  bpmCycle: { type: 'array', minItems: 1, items: ref('bpmInput') },
  bpmUniform: closedObject({ uniform: closedObject({ min: bpmInteger, max: bpmInteger }, ['min', 'max']) }, ['uniform']),

  // A sweep's axes: field paths (`rewards.constant`, `validators.whale.count`) and their values.
  sweepAxes: {
    type: 'object',
    minProperties: 1,
    additionalProperties: { type: 'array', minItems: 1, items: { anyOf: [{ type: 'number' }, { type: 'string' }, { type: 'boolean' }] } },
  },
  sweepGrids: { type: 'array', minItems: 1, items: { $ref: '#/definitions/sweepAxes' } },
};

export type UnionBranch = keyof typeof unionBranches;

const oneOf = (...branches: UnionBranch[]): JsonSchema => ({ oneOf: branches.map(ref) });

export const scenarioSchema: JsonSchema = {
  $id: SCHEMA_ID,
  $schema: 'http://json-schema.org/draft-07/schema#',
  definitions: {
    ...unionBranches,
    stake: oneOf('stakeInteger', 'stakeText', 'stakeUniform', 'stakePareto', 'stakeLognormal', 'stakeValues'),
    connect: oneOf('connectTime', 'connectSpread'),
    submit: oneOf('submitEvery', 'submitPoisson', 'submitAt', 'submitNone'),
    bpm: oneOf('bpmInteger', 'bpmCycle', 'bpmUniform'),
    validatorEntry: closedObject(
      {
        name: { type: 'string', pattern: NAME_PATTERN, maxLength: MAX_NAME_LENGTH },
        count: { type: 'integer', minimum: 1, maximum: MAX_COUNT },
        stake: ref('stake'),
        connect: ref('connect'),
        submit: ref('submit'),
        bpm: ref('bpm'),
        leave: positiveSeconds,
      },
      ['name', 'stake', 'submit'],
    ),
    rewards: closedObject({
      constant: { type: 'integer', minimum: 1, maximum: MAX_INTEGER },
      inflation: { type: 'number', exclusiveMinimum: 0, maximum: 1 },
      geometric: closedObject(
        { initial: { type: 'integer', minimum: 1, maximum: MAX_INTEGER }, ratio: { type: 'number', exclusiveMinimum: 0, maximum: 1 } },
        ['initial', 'ratio'],
      ),
      cap: { type: 'integer', minimum: 1, maximum: MAX_INTEGER },
      withdrawOnLeave: { type: 'boolean' },
    }),
    sweep: closedObject(
      {
        replications: { type: 'integer', minimum: 1, maximum: MAX_SWEEP_REPLICATIONS },
        grid: { anyOf: [ref('sweepAxes'), ref('sweepGrids')] },
        zip: { type: 'array', minItems: 1, items: ref('sweepAxes') },
      },
      ['replications'],
    ),
    timings: closedObject({
      intake: positiveSeconds,
      lottery: positiveSeconds,
      // The sync senders count writes in a table of one entry per ms of the period (sync-senders.ts).
      sync: { ...positiveSeconds, maximum: MAX_SYNC_SECONDS },
      // The pollers keep their period in 32-bit µs (announcement-pollers.ts): at most 2^31 µs.
      poll: { ...positiveSeconds, maximum: MAX_POLL_SECONDS },
      jitter: nonNegativeSeconds,
    }),
  },
  ...closedObject(
    {
      name: { type: 'string', pattern: SCENARIO_NAME_PATTERN, maxLength: MAX_NAME_LENGTH },
      description: { type: 'string' },
      seed: { type: 'integer', minimum: 0, maximum: MAX_SEED },
      start: { type: 'string', pattern: START_PATTERN },
      rounds: { type: 'integer', minimum: 1, maximum: MAX_INTEGER },
      duration: positiveSeconds,
      rules: { enum: [...RULES] },
      lottery: { enum: [...LOTTERY_MODES] },
      timings: ref('timings'),
      ...costedSchemaFields,
      rewards: ref('rewards'),
      sampleEvery: { type: 'integer', minimum: 1, maximum: MAX_INTEGER },
      track: { type: 'array', items: { type: 'string', pattern: NAME_PATTERN } },
      validators: { type: 'array', minItems: 1, maxItems: MAX_ENTRIES, items: ref('validatorEntry') },
      sweep: ref('sweep'),
    },
    ['name', 'seed', 'validators'],
  ),
};

// The shape of a document that passed validation (schema, union fields and rules).

export type StakeField =
  | number
  | string
  | { uniform: { min: number; max: number } }
  | { pareto: { min: number; alpha: number; max?: number } }
  | { lognormal: { median: number; sigma: number } }
  | { values: number[] };

export type ConnectField = number | { at: number; every?: number };

export type SubmitField = { every: number; phase?: number } | { poisson: number } | { at: number[] } | 'none';

export type BpmField = number | (number | string)[] | { uniform: { min: number; max: number } };

export interface ValidatorEntryDocument {
  name: string;
  count?: number;
  stake: StakeField;
  connect?: ConnectField;
  submit: SubmitField;
  bpm?: BpmField;
  leave?: number;
}

export interface TimingsDocument {
  intake?: number;
  lottery?: number;
  sync?: number;
  poll?: number;
  jitter?: number;
}

export interface RewardsDocument {
  constant?: number;
  inflation?: number;
  geometric?: { initial: number; ratio: number };
  cap?: number;
  withdrawOnLeave?: boolean;
}

/** A value a sweep gives a field. */
export type SweepValue = number | string | boolean;

/** Field path (as written) -> the values it takes. */
export type SweepAxesDocument = Record<string, SweepValue[]>;

export interface SweepDocument {
  replications: number;
  /** A grid (every combination of the values), or a list of grids (the union of their cells). */
  grid?: SweepAxesDocument | SweepAxesDocument[];
  /** Groups of fields whose values move together (the i-th value of each), each group one axis crossed with the grid. */
  zip?: SweepAxesDocument[];
}

export interface ScenarioDocument extends CostedDocumentFields {
  name: string;
  description?: string;
  seed: number;
  start?: string;
  rounds?: number;
  duration?: number;
  rules?: (typeof RULES)[number];
  lottery?: (typeof LOTTERY_MODES)[number];
  timings?: TimingsDocument;
  rewards?: RewardsDocument;
  sampleEvery?: number;
  track?: string[];
  validators: ValidatorEntryDocument[];
  sweep?: SweepDocument;
}
