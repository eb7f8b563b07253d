/** The rules of the costed-clock fields (costed-timing.ts) that the schema cannot express. */
import { isRecord } from './data-guards.js';
import type { Issue } from './issue.js';
import { renderValue } from './messages.js';

/** `speedup` and `costs` mean nothing on the ideal clock; the costed clock models the seed's rules only. */
export function checkCostedFields(data: Record<string, unknown>): Issue[] {
  const issues: Issue[] = [];
  const costed = data['timing'] === 'costed';
  for (const key of ['speedup', 'costs'] as const) {
    if (data[key] !== undefined && !costed) {
      issues.push({ path: [key], message: `"${key}" applies to timing: costed only (this scenario's timing is ideal)`, value: renderValue(data[key]), anchor: 'key' });
    }
  }
  if (costed && data['rules'] === 'fixed') {
    issues.push({ path: ['timing'], message: 'the costed clock models the seed server: it needs rules: seed, got rules: fixed', value: renderValue('costed'), anchor: 'value' });
  }
  if (costed && isRecord(data['costs']) && data['costs']['switchIntervalUs'] === 0) {
    issues.push({ path: ['costs', 'switchIntervalUs'], message: 'expected a number > 0, got 0', value: '0', anchor: 'value' });
  }
  return issues;
}

