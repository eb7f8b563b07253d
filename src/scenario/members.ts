/**
 * The validators a file entry expands to: their ids and connect times.
 *
 * Connect times matter because the server derives a validator's
 * address from its connect timestamp (sha256 of `str(datetime.now())`), so two
 * validators connecting in the same microsecond share an address (quirk 7). The
 * default schedule therefore gives every validator its own microsecond.
 */

/** Member k of an entry connects at `firstUs + k * everyUs`. */
export interface ConnectSchedule {
  readonly firstUs: number;
  readonly everyUs: number;
}

/** Spacing of members when the file gives only a first connect time. */
export const DEFAULT_CONNECT_EVERY_US = 1;

/**
 * The schedule of an entry.
 * @param explicit the entry's `connect` in µs (`every` absent = 1 µs), or undefined when absent
 * @param firstGlobalIndex position of the entry's first member among all validators of
 *   the file (0-based, after expanding counts): by default validator k connects at k µs
 */
export function connectSchedule(
  explicit: { readonly atUs: number; readonly everyUs?: number } | undefined,
  firstGlobalIndex: number,
): ConnectSchedule {
  if (explicit === undefined) return { firstUs: firstGlobalIndex, everyUs: DEFAULT_CONNECT_EVERY_US };
  return { firstUs: explicit.atUs, everyUs: explicit.everyUs ?? DEFAULT_CONNECT_EVERY_US };
}

export function memberConnectUs(schedule: ConnectSchedule, memberIndex: number): number {
  return schedule.firstUs + memberIndex * schedule.everyUs;
}

/** Validator ids of an entry: its name alone, or `name-0` .. `name-(count-1)` when it has a count. */
export function memberIds(name: string, count: number | undefined): string[] {
  if (count === undefined) return [name];
  return Array.from({ length: count }, (_, k) => memberId(name, count, k));
}

/** The id of member `k` of an entry (see {@link memberIds}). */
export function memberId(name: string, count: number | undefined, k: number): string {
  return count === undefined ? name : `${memberIdPrefix(name)}${k}`;
}

/** What the ids of an entry with a count start with, before the member's number. */
export function memberIdPrefix(name: string): string {
  return `${name}${MEMBER_ID_SEPARATOR}`;
}

/** Between an entry's name and a member's number in the member's id. */
export const MEMBER_ID_SEPARATOR = '-';
