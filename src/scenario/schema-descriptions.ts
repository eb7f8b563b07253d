/**
 * The words of the scenario schema: a description per field, for editors (hover and
 * completion through the `# yaml-language-server: $schema=` line of a scenario) and
 * for `pos-sim schema`. Kept beside schema.ts, keyed by where each field sits, so that
 * the schema's structure stays in one place; a test checks every key names a field
 * and every field has a description. The full reference is docs/scenarios.md.
 */
import { scenarioSchema } from './schema.js';

type JsonSchema = Record<string, unknown>;

/** `properties.x` of the root, `definitions.d` or `definitions.d.properties.x` -> its description. */
export const SCHEMA_DESCRIPTIONS: Readonly<Record<string, string>> = {
  '': 'A pos-sim scenario: the toy PoS server\'s settings and the validators that connect to it. Reference: docs/scenarios.md.',
  'properties.name': 'Names the results folder: letters, digits, _ - and inner dots, at most 100 characters.',
  'properties.description': 'What the scenario shows and what to look for (shown in report.html).',
  'properties.seed': 'The run seed, 0 to 4294967295; `pos-sim run --seed` replaces it. Same scenario and seed, same files.',
  'properties.start': 'Server start as Python\'s str(datetime) prints it: "YYYY-MM-DD HH:MM:SS[.ffffff]" (default "2018-08-07 20:44:00").',
  'properties.rounds': 'Stop after this many lottery draws (one of rounds and duration); `--rounds` replaces it.',
  'properties.duration': 'Stop at this virtual time, seconds (one of rounds and duration).',
  'properties.rules': '`seed`: the tutorial server with its quirks (default); `fixed`: the repaired server.',
  'properties.lottery': '`periodic`: a draw every `timings.lottery` seconds (default); `literal`: the seed\'s loop, a draw right after every intake that moved blocks.',
  'properties.timings': 'The server\'s thread periods, seconds in whole milliseconds.',
  'properties.rewards': 'What the winner earns per block (default: nothing, as in the seed): one of constant, inflation, geometric.',
  'properties.sampleEvery': 'Sample concentration and tracked shares every N rounds (default: about 500 samples per run).',
  'properties.track': 'Validator ids or entry names whose shares are followed over time (default: the top 5 and every entry).',
  'properties.validators': 'Validator entries (1 to 10,000; at most 2,000,000 validators in all), in connect order.',
  'definitions.timings.properties.intake': 'Seconds between moves of submitted blocks into the lottery pool (default 5).',
  'definitions.timings.properties.lottery': 'Seconds between lottery draws (default 10).',
  'definitions.timings.properties.sync': 'Seconds between chain syncs to every client (default 30, at most 3600).',
  'definitions.timings.properties.poll': 'Seconds between polls for announcements (default 3, at most 2147).',
  'definitions.timings.properties.jitter': 'Largest extra delay added to each intake and lottery sleep, seconds (default 0).',
  'definitions.rewards.properties.constant': 'Tokens added to the winner\'s balance per block.',
  'definitions.rewards.properties.inflation': 'floor(rate x total stake) tokens per block, rate in (0, 1] (the literature\'s "geometric" reward).',
  'definitions.rewards.properties.geometric': 'Block k pays floor(initial x ratio^(k-1)): a subsidy that decays.',
  'definitions.rewards.properties.cap': 'No validator\'s stake grows beyond this.',
  'definitions.rewards.properties.withdrawOnLeave': 'A leaving validator\'s stake leaves the total (default false).',
  'properties.timing': '`ideal` (default): every server step takes no time; `costed`: server work takes time and threads contend for the GIL and My_Lock as in CPython (reference engine only, rules: seed).',
  'properties.speedup': 'With timing: costed, the real server sped up K times: every cost weighs K times more (default 1).',
  'properties.costs': 'With timing: costed, the cost constants in real µs (ticketUs, dumpBlockUs, lineUs, ...); defaults measured on the tutorial\'s pos.py (docs/conformance.md).',
  'properties.sweep': 'Makes the file a sweep, run by `pos-sim sweep`: the fields to vary and their values, each combination (a cell) a scenario of its own.',
  'definitions.sweepAxes': 'Field paths (rewards.constant, timings.lottery, validators.NAME.FIELD) and the values each takes.',
  'definitions.sweepGrids': 'Several grids: the cells are the union of theirs.',
  'definitions.sweep': 'A grid of variants of this scenario x replications (pos-sim sweep).',
  'definitions.sweep.properties.replications': 'Runs of each cell, 1 to 1,000,000, as pos-sim run --replications.',
  'definitions.sweep.properties.grid': 'FIELD: [values], every combination; or a list of such grids, the union of their cells.',
  'definitions.sweep.properties.zip': 'Groups of FIELD: [values] of one length that move together (the i-th values of each), each group one axis crossed with the grid.',
  'definitions.validatorEntry': 'One validator, or `count` alike: a client that connects, types a balance, then BPM lines.',
  'definitions.validatorEntry.properties.name': 'Unique in the file; members of a counted entry are name-0, name-1, ...',
  'definitions.validatorEntry.properties.count': 'How many validators this entry makes, 1 to 1,000,000 (default 1).',
  'definitions.validatorEntry.properties.stake': 'What the client types at the balance prompt: an integer, a text typed as is ("abc"), or a distribution drawn per member.',
  'definitions.validatorEntry.properties.connect': 'When the client connects, seconds, or {at, every} for member k at at + k x every (default: validator k of the file at k µs).',
  'definitions.validatorEntry.properties.submit': 'When the client types its BPM lines: {every, phase?}, {poisson: rate}, {at: [...]} or "none".',
  'definitions.validatorEntry.properties.bpm': 'What the client types at the BPM prompt: an integer, a list typed in turn, or {uniform: {min, max}} (default 72).',
  'definitions.validatorEntry.properties.leave': 'When the connection closes, seconds (the server then deletes the validator); default never.',
  'definitions.stakeInteger': 'The same balance for every member.',
  'definitions.stakeText': 'Typed as is, to replay bad input: "abc" kills the seed\'s lottery at its first draw, "" holds no tickets.',
  'definitions.stakeUniform': 'Integers drawn uniformly in [min, max], once per member.',
  'definitions.stakePareto': 'x = min / U^(1/alpha), floored, at least 1, capped at max if given.',
  'definitions.stakeLognormal': 'x = exp(ln(median) + sigma x Z), floored, at least 1.',
  'definitions.stakeValues': 'One integer per member, in member order (as many as `count`).',
  'definitions.connectTime': 'The first member connects then, the others 1 µs apart.',
  'definitions.connectSpread': 'Member k connects at at + k x every (every >= 0, default 0.000001).',
  'definitions.submitEvery': 'Every `every` seconds from connect + phase (phase < every; default: each validator its own, drawn).',
  'definitions.submitPoisson': 'A Poisson process of `poisson` lines per second (at most 1000).',
  'definitions.submitAt': 'Explicit absolute times, strictly ascending, shared by all members.',
  'definitions.submitNone': 'Never submits.',
  'definitions.bpmInteger': 'Typed every time.',
  'definitions.bpmCycle': 'Typed in turn and cycled; a text such as "abc" fails int() and the seed evicts the validator.',
  'definitions.bpmUniform': 'An integer drawn per submission.',
};

/** The scenario schema that `validate` checks, with a description on every field: what `pos-sim schema` prints. */
export function describedScenarioSchema(): JsonSchema {
  // A JSON copy, not structuredClone: the schema reuses objects (stakeInteger, positiveSeconds), and a
  // description must land on one field only.
  const schema = JSON.parse(JSON.stringify(scenarioSchema)) as JsonSchema;
  for (const [path, description] of Object.entries(SCHEMA_DESCRIPTIONS)) {
    const node = schemaNodeAt(schema, path);
    if (node === undefined) throw new Error(`describedScenarioSchema: no field at "${path}"`);
    // The description first ($schema and $id aside): it reads best at the top of its field.
    const entries = Object.entries(node);
    for (const key of Object.keys(node)) delete node[key];
    Object.assign(node, Object.fromEntries(entries.filter(([k]) => k.startsWith('$'))), { description });
    Object.assign(node, Object.fromEntries(entries.filter(([k]) => !k.startsWith('$'))));
  }
  return schema;
}

/** The schema node at a dotted path ('' is the root), or undefined. */
export function schemaNodeAt(schema: JsonSchema, path: string): JsonSchema | undefined {
  let node: unknown = schema;
  for (const key of path === '' ? [] : path.split('.')) {
    if (typeof node !== 'object' || node === null) return undefined;
    node = (node as JsonSchema)[key];
  }
  return typeof node === 'object' && node !== null ? (node as JsonSchema) : undefined;
}
