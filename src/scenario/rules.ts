/**
 * Rules the schema cannot express at the top level of a scenario: a stop
 * condition, a real calendar date, time resolutions. Validator entries have their
 * own rules (entry-rules.ts). Values of the wrong shape are skipped here: the schema
 * check already reports them.
 */
import { isRecord } from './data-guards.js';
import { checkCostedFields } from './costed-rules.js';
import { checkEntries } from './entry-rules.js';
import { checkRewards, checkTrack } from './output-rules.js';
import type { Issue } from './issue.js';
import { noStopCondition, notACalendarDate, renderValue } from './messages.js';
import { START_PATTERN } from './schema.js';
import { readMillisAsMicros } from './time-checks.js';

const TIMING_KEYS = ['intake', 'lottery', 'sync', 'poll'] as const;

export function checkRules(data: unknown): Issue[] {
  if (!isRecord(data)) return [];
  const issues: Issue[] = [];
  if (data['rounds'] === undefined && data['duration'] === undefined) {
    issues.push({ path: [], message: noStopCondition(), value: '', anchor: 'value' });
  }
  // The run ends on a whole ms, like every server event, so sync traffic is counted exactly to the end.
  readMillisAsMicros(data['duration'], 'positive', ['duration'], issues);
  checkStart(data['start'], issues);
  const timings = data['timings'];
  if (isRecord(timings)) {
    for (const key of TIMING_KEYS) readMillisAsMicros(timings[key], 'positive', ['timings', key], issues);
    readMillisAsMicros(timings['jitter'], 'nonNegative', ['timings', 'jitter'], issues);
  }
  issues.push(...checkCostedFields(data));
  issues.push(...checkEntries(data['validators']));
  issues.push(...checkRewards(data['rewards']), ...checkTrack(data['track'], data['validators']));
  return issues;
}

function checkStart(start: unknown, issues: Issue[]): void {
  if (typeof start !== 'string' || !new RegExp(START_PATTERN).test(start)) return;
  if (!isCalendarDateTime(start)) {
    issues.push({ path: ['start'], message: notACalendarDate(start), value: renderValue(start), anchor: 'value' });
  }
}

/** Python's datetime range: years 1..9999, real month lengths (leap years included). */
function isCalendarDateTime(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})/.exec(text);
  if (match === null) return false;
  const group = (index: number): number => Number(match[index]);
  const [year, month, day] = [group(1), group(2), group(3)];
  if (year < 1 || month < 1 || month > 12 || day < 1) return false;
  if (group(4) > 23 || group(5) > 59 || group(6) > 59) return false;
  // Day 0 of the next month is the last day of this one; UTC avoids time zones.
  const lastDay = new Date(0);
  lastDay.setUTCFullYear(year, month, 0);
  return day <= lastDay.getUTCDate();
}
