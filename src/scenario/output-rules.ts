/**
 * Rules for the run-wide options that relate to other fields: `rewards` names exactly
 * one reward kind, and every `track` name is a validator id or an entry name.
 */
import { isRecord } from './data-guards.js';
import type { Issue } from './issue.js';
import { memberIds } from './members.js';
import { ambiguousRewards, renderValue, unknownTrackName } from './messages.js';

const REWARD_KINDS = ['constant', 'inflation', 'geometric'] as const;

export function checkRewards(rewards: unknown): Issue[] {
  if (!isRecord(rewards)) return [];
  const kinds = REWARD_KINDS.filter((k) => rewards[k] !== undefined);
  if (kinds.length === 1) return [];
  return [{ path: ['rewards'], message: ambiguousRewards(kinds), value: renderValue(rewards), anchor: 'value' }];
}

export function checkTrack(track: unknown, validators: unknown): Issue[] {
  if (!Array.isArray(track) || !Array.isArray(validators)) return [];
  const known = new Set<string>();
  for (const entry of validators) {
    if (!isRecord(entry) || typeof entry['name'] !== 'string') continue;
    known.add(entry['name']);
    const count = typeof entry['count'] === 'number' && Number.isInteger(entry['count']) ? entry['count'] : undefined;
    if (count === undefined || count <= 1_000_000) for (const id of memberIds(entry['name'], count)) known.add(id);
  }
  return track.flatMap((name, i): Issue[] =>
    typeof name === 'string' && !known.has(name)
      ? [{ path: ['track', i], message: unknownTrackName(name), value: renderValue(name), anchor: 'value' }]
      : [],
  );
}
