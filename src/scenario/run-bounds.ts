/**
 * Step 4 of loading: what only the resolved scenario can tell, so that every scenario
 * `validate` accepts is one `run` can replay exactly and to an end:
 *   1. every typed number (a quoted balance or BPM line) fits a double exactly;
 *   2. the stakes together stay below 2^53, so a draw is exact;
 *   3. the run can end: under `rules: fixed` (which skips pools without tickets), if
 *      a client types forever, so does some validator that holds tickets (otherwise,
 *      once those stop, the clients without tickets keep the run going to the time
 *      limit, skipping pool after pool); and `rounds` fits the time limit (a round
 *      takes at least one lottery period). Clients that all stop typing end the run
 *      as idle; under `rules: seed` a pool without tickets kills the lottery thread,
 *      which ends it too.
 *   4. the scenario makes at most MAX_VALIDATORS validators.
 * A run bounded by `duration` always ends, so 3 applies to runs bounded by rounds.
 * (The model still stops at the time limit, or when rewards grow the pool stake
 * beyond 2^53: see ModelRun.)
 */
import { pythonInt } from '../model/logic/python-text.js';
import type { FieldPath } from './field-path.js';
import type { Issue } from './issue.js';
import * as messages from './messages.js';
import { MAX_INTEGER, MAX_SECONDS, MAX_VALIDATORS } from './schema.js';
import type { ResolvedScenario, ResolvedValidator, TypedInput } from './types.js';

/** Issues of a resolved scenario (with the CLI's overrides applied). */
export function checkRunBounds(scenario: ResolvedScenario): Issue[] {
  const validators = scenario.validators;
  if (validators.length > MAX_VALIDATORS) {
    return [issue(['validators'], messages.tooManyValidators(validators.length, MAX_VALIDATORS), validators.length)];
  }
  const issues: Issue[] = [];
  const { total, ticketHolderTypesForever, someoneTypesForever } = stakeSummary(scenario, issues);
  if (total > MAX_INTEGER) issues.push(issue(['validators'], messages.stakeTotalTooLarge(total), total));
  const rounds = scenario.rounds;
  if (rounds !== null && scenario.durationUs === null) {
    if (scenario.rules === 'fixed' && someoneTypesForever && !ticketHolderTypesForever) {
      issues.push(issue(['validators'], messages.noTicketsEver(), ''));
    }
    const intervalSeconds = minimalRoundSeconds(scenario);
    if (rounds * intervalSeconds > MAX_SECONDS) {
      issues.push(issue(['rounds'], messages.roundsBeyondTimeLimit(rounds, intervalSeconds, MAX_SECONDS), rounds));
    }
  }
  return issues;
}

/**
 * The shortest time a round can take: a lottery period, or in `literal` mode an
 * intake period (the loop draws after every intake that moved blocks).
 */
export function minimalRoundSeconds(scenario: ResolvedScenario): number {
  const us = scenario.lottery === 'literal' ? scenario.timings.intakeUs : scenario.timings.lotteryUs;
  return us / 1e6;
}

/** One pass over the validators (1,000,000 of them in the largest scenarios). */
function stakeSummary(scenario: ResolvedScenario, issues: Issue[]) {
  let total = 0;
  let ticketHolderTypesForever = false;
  let someoneTypesForever = false;
  const texts = new Map<string, number | null>();
  let entryIndex = -1;
  let lastGroup = '';
  for (const v of scenario.validators) {
    if (v.group !== lastGroup) {
      entryIndex++;
      lastGroup = v.group;
    }
    const stake = typedValue(v.balance, ['validators', entryIndex, 'stake'], texts, issues);
    checkBpmTexts(v, entryIndex, texts, issues);
    if (stake !== null && stake > 0) total += stake;
    const forever = typesForever(v);
    someoneTypesForever ||= forever;
    ticketHolderTypesForever ||= forever && stake !== null && stake > 0 && neverEvicted(v, texts);
  }
  return { total, ticketHolderTypesForever, someoneTypesForever };
}

function typesForever(v: ResolvedValidator): boolean {
  return v.leaveUs === null && (v.submissions.kind === 'every' || v.submissions.kind === 'poisson');
}

/** No BPM line of the client is one int() refuses (that would get it deleted). */
function neverEvicted(v: ResolvedValidator, texts: Map<string, number | null>): boolean {
  return v.bpm.kind === 'uniform' || v.bpm.entries.every((e) => e.kind === 'int' || texts.get(e.text) !== null);
}

/**
 * A typed input's value as the server's int() reads it (null for text it refuses);
 * text beyond 2^53 is an issue, reported once per text (`seen` remembers each text).
 */
function typedValue(input: TypedInput, path: FieldPath, seen: Map<string, number | null>, issues: Issue[]): number | null {
  if (input.kind === 'int') return input.value;
  const known = seen.get(input.text);
  if (known !== undefined) return known;
  const value = pythonInt(input.text);
  const safe = value === null || (value <= BigInt(MAX_INTEGER) && value >= -BigInt(MAX_INTEGER));
  if (!safe) issues.push(issue(path, messages.typedNumberTooLarge(input.text), input.text));
  const result = value === null || !safe ? null : Number(value);
  seen.set(input.text, result);
  return result;
}

function checkBpmTexts(v: ResolvedValidator, entryIndex: number, seen: Map<string, number | null>, issues: Issue[]): void {
  if (v.bpm.kind !== 'cycle') return;
  for (const entry of v.bpm.entries) typedValue(entry, ['validators', entryIndex, 'bpm'], seen, issues);
}

function issue(path: FieldPath, message: string, value: unknown): Issue {
  return { path, message, value: messages.renderValue(value), anchor: 'value' };
}
