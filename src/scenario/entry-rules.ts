/**
 * Rules about validator entries that relate fields to each other or to other
 * entries: unique names and ids, time resolution, ascending submission times,
 * submissions and leave after connect, a values list per member, min <= max.
 * Fields of the wrong shape are skipped: the schema check reports them.
 */
import { isRecord, numberAt, recordAt } from './data-guards.js';
import { formatFieldPath, type FieldPath } from './field-path.js';
import type { Issue } from './issue.js';
import { IdRegistry } from './id-registry.js';
import { connectSchedule, memberConnectUs, type ConnectSchedule } from './members.js';
import * as messages from './messages.js';
import { MAX_COUNT } from './schema.js';
import { readMicros } from './time-checks.js';
import { microsToSeconds } from './units.js';

/** Issues of all entries of the `validators` list (if it is a list). */
export function checkEntries(validators: unknown): Issue[] {
  if (!Array.isArray(validators)) return [];
  const issues: Issue[] = [];
  const ids = new IdRegistry();
  // Position of the next member over the whole file; unknown once an entry's count is invalid.
  let nextGlobalIndex: number | undefined = 0;
  validators.forEach((entry: unknown, index) => {
    if (!isRecord(entry)) {
      nextGlobalIndex = undefined;
      return;
    }
    const path: FieldPath = ['validators', index];
    const count = readCount(entry['count']);
    ids.register(entry['name'], count, path, issues);
    issues.push(...checkEntry(entry, path, count, nextGlobalIndex));
    nextGlobalIndex = nextGlobalIndex === undefined || count === null ? undefined : nextGlobalIndex + (count ?? 1);
  });
  return issues;
}

/** undefined: absent (one validator); null: invalid (already reported by the schema). */
function readCount(count: unknown): number | undefined | null {
  if (count === undefined) return undefined;
  const valid = typeof count === 'number' && Number.isInteger(count) && count >= 1 && count <= MAX_COUNT;
  return valid ? count : null;
}

function checkEntry(
  entry: Record<string, unknown>,
  path: FieldPath,
  count: number | undefined | null,
  firstGlobalIndex: number | undefined,
): Issue[] {
  const issues: Issue[] = [];
  const schedule = readConnectSchedule(entry, path, firstGlobalIndex, issues);
  // Members connect in order (every >= 0), so the last one bounds the entry's times.
  const lastMember =
    schedule === undefined || count === null || typeof entry['name'] !== 'string'
      ? undefined
      : lastMemberOf(entry['name'], count, schedule);
  const leaveUs = readMicros(entry['leave'], 'positive', [...path, 'leave'], issues);
  if (leaveUs !== undefined && lastMember !== undefined && leaveUs <= lastMember.connectUs) {
    const leave = entry['leave'] as number;
    issues.push(
      valueIssue([...path, 'leave'], messages.leaveNotAfterConnect(leave, lastMember.id, lastMember.connectSeconds), leave),
    );
  }
  const submit = recordAt(entry, 'submit');
  if (submit !== undefined) checkSubmit(submit, [...path, 'submit'], lastMember, entry['leave'], leaveUs, issues);
  const stake = recordAt(entry, 'stake');
  if (stake !== undefined) checkStakeDistribution(stake, [...path, 'stake'], count, issues);
  const bpm = recordAt(entry, 'bpm');
  if (bpm !== undefined) checkMinNotAboveMax(recordAt(bpm, 'uniform'), [...path, 'bpm', 'uniform'], issues);
  return issues;
}

interface LastMember {
  readonly id: string;
  readonly connectUs: number;
  readonly connectSeconds: number;
}

function lastMemberOf(name: string, count: number | undefined, schedule: ConnectSchedule): LastMember {
  const lastIndex = (count ?? 1) - 1;
  const connectUs = memberConnectUs(schedule, lastIndex);
  const id = count === undefined ? name : `${name}-${lastIndex}`;
  return { id, connectUs, connectSeconds: microsToSeconds(connectUs) };
}

/** The entry's connect schedule, or undefined when it cannot be known (invalid connect, unknown position). */
function readConnectSchedule(
  entry: Record<string, unknown>,
  path: FieldPath,
  firstGlobalIndex: number | undefined,
  issues: Issue[],
): ConnectSchedule | undefined {
  const connect = entry['connect'];
  const connectPath: FieldPath = [...path, 'connect'];
  if (connect === undefined) {
    return firstGlobalIndex === undefined ? undefined : connectSchedule(undefined, firstGlobalIndex);
  }
  if (!isRecord(connect)) {
    const atUs = readMicros(connect, 'nonNegative', connectPath, issues);
    return atUs === undefined ? undefined : connectSchedule({ atUs }, 0);
  }
  const atUs = readMicros(connect['at'], 'nonNegative', [...connectPath, 'at'], issues);
  const everyUs = readMicros(connect['every'], 'nonNegative', [...connectPath, 'every'], issues);
  if (atUs === undefined || (connect['every'] !== undefined && everyUs === undefined)) return undefined;
  return connectSchedule(everyUs === undefined ? { atUs } : { atUs, everyUs }, 0);
}

function checkSubmit(
  submit: Record<string, unknown>,
  path: FieldPath,
  lastMember: LastMember | undefined,
  leave: unknown,
  leaveUs: number | undefined,
  issues: Issue[],
): void {
  const everyUs = readMicros(submit['every'], 'positive', [...path, 'every'], issues);
  const phaseUs = readMicros(submit['phase'], 'nonNegative', [...path, 'phase'], issues);
  if (everyUs !== undefined && phaseUs !== undefined && phaseUs >= everyUs) {
    const phase = submit['phase'] as number;
    issues.push(valueIssue([...path, 'phase'], messages.phaseNotBelowEvery(phase, submit['every'] as number), phase));
  }
  const times = submit['at'];
  if (!Array.isArray(times)) return;
  let previous: { seconds: number; micros: number } | undefined;
  times.forEach((seconds: unknown, index) => {
    const timePath: FieldPath = [...path, 'at', index];
    const micros = readMicros(seconds, 'nonNegative', timePath, issues);
    if (micros === undefined) return;
    const time = seconds as number;
    if (previous !== undefined && micros <= previous.micros) {
      issues.push(valueIssue(timePath, messages.notAscending(time, previous.seconds), time));
    } else if (lastMember !== undefined && micros < lastMember.connectUs) {
      issues.push(valueIssue(timePath, messages.submitBeforeConnect(time, lastMember.id, lastMember.connectSeconds), time));
    } else if (leaveUs !== undefined && micros >= leaveUs) {
      issues.push(valueIssue(timePath, messages.submitNotBeforeLeave(time, leave as number), time));
    }
    previous = { seconds: time, micros };
  });
}

function checkStakeDistribution(
  stake: Record<string, unknown>,
  path: FieldPath,
  count: number | undefined | null,
  issues: Issue[],
): void {
  checkMinNotAboveMax(recordAt(stake, 'uniform'), [...path, 'uniform'], issues);
  checkMinNotAboveMax(recordAt(stake, 'pareto'), [...path, 'pareto'], issues);
  const values = stake['values'];
  const members = count ?? 1;
  if (Array.isArray(values) && values.length > 0 && count !== null && values.length !== members) {
    issues.push(valueIssue([...path, 'values'], messages.valuesLengthMismatch(values.length, members), values));
  }
}

/** A {min, max} mapping (uniform, or pareto with its optional cap) must not have min above max. */
function checkMinNotAboveMax(range: Record<string, unknown> | undefined, path: FieldPath, issues: Issue[]): void {
  if (range === undefined) return;
  const min = numberAt(range, 'min');
  const max = numberAt(range, 'max');
  if (min !== undefined && max !== undefined && min > max) {
    issues.push(valueIssue([...path, 'min'], messages.minAboveMax(min, max), min));
  }
}

function valueIssue(path: FieldPath, message: string, value: unknown): Issue {
  return { path, message, value: messages.renderValue(value), anchor: 'value' };
}
