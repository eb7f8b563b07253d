/**
 * Entry names must be unique, and so must the ids they expand to (`a` with a count
 * makes `a-0`, `a-1`, ...): the registries that find a clash, and the first one.
 */
import { formatFieldPath, type FieldPath } from './field-path.js';
import type { Issue } from './issue.js';
import { memberIds } from './members.js';
import * as messages from './messages.js';
import { NAME_PATTERN } from './schema.js';

/** A count as memberIds writes it: decimal digits, no leading zero. */
const MEMBER_NUMBER = /^(0|[1-9][0-9]*)$/;

/**
 * Finds the clashes without making an id per member: an entry with a count is kept as
 * a range (its name and count), one without as its id. The id of member k of entry `a`
 * is `a-k`, whose last `-` splits it back into the name and k; names are unique, so a
 * member id can clash only with the id of an entry without a count. A million members
 * made as strings and held in a Map took about 1.5 s and 100 MB; this takes no time.
 * Reports exactly what {@link PlainIdRegistry} reports (a test compares them).
 */
export class IdRegistry {
  private readonly names = new Map<string, string>();
  /** Ids of entries without a count that no earlier entry held: id -> owner. */
  private readonly single = new Map<string, string>();
  /** Those ids that read as a member id `name-k`: name -> every such k. */
  private readonly singleAsMember = new Map<string, number[]>();
  /** Entries with a count: name -> count and owner. */
  private readonly ranges = new Map<string, { count: number; owner: string }>();

  register(name: unknown, count: number | undefined | null, path: FieldPath, issues: Issue[]): void {
    if (typeof name !== 'string' || !new RegExp(NAME_PATTERN).test(name)) return;
    const namePath: FieldPath = [...path, 'name'];
    const owner = formatFieldPath(path);
    const firstWithName = this.names.get(name);
    if (firstWithName !== undefined) {
      issues.push(valueIssue(namePath, messages.duplicateName(name, firstWithName), name));
      return;
    }
    this.names.set(name, owner);
    if (count === null) return; // the ids are unknown; the count is reported by the schema check
    const clash = count === undefined ? this.clashOfSingle(name) : this.clashOfRange(name, count);
    if (clash !== null) issues.push(valueIssue(namePath, messages.duplicateValidatorId(clash.id, clash.owner), name));
    if (count !== undefined) this.ranges.set(name, { count, owner });
    else if (clash === null) this.addSingle(name, owner);
  }

  /** The owner of `id` if an earlier entry holds it. */
  private ownerOf(id: string): string | undefined {
    // An id is in `single` only if no range held it when it came, so `single` goes first.
    const single = this.single.get(id);
    if (single !== undefined) return single;
    const member = splitMemberId(id);
    if (member === null) return undefined;
    const range = this.ranges.get(member.name);
    return range !== undefined && member.k < range.count ? range.owner : undefined;
  }

  private clashOfSingle(id: string): { id: string; owner: string } | null {
    const owner = this.ownerOf(id);
    return owner === undefined ? null : { id, owner };
  }

  /** The first member of `name` (in member order) that an earlier entry without a count holds. */
  private clashOfRange(name: string, count: number): { id: string; owner: string } | null {
    let first = Infinity;
    for (const k of this.singleAsMember.get(name) ?? []) if (k < count && k < first) first = k;
    if (first === Infinity) return null;
    const id = `${name}-${first}`;
    return { id, owner: this.single.get(id) ?? '' };
  }

  private addSingle(id: string, owner: string): void {
    this.single.set(id, owner);
    const member = splitMemberId(id);
    if (member === null) return;
    const ks = this.singleAsMember.get(member.name);
    if (ks === undefined) this.singleAsMember.set(member.name, [member.k]);
    else ks.push(member.k);
  }
}

/** `name-k` back into its name and k, or null if the id cannot be a member id. */
function splitMemberId(id: string): { name: string; k: number } | null {
  const dash = id.lastIndexOf('-');
  if (dash <= 0) return null;
  const digits = id.slice(dash + 1);
  return MEMBER_NUMBER.test(digits) ? { name: id.slice(0, dash), k: Number(digits) } : null;
}

/** Plain and slow: every member's id in a Map. The reference {@link IdRegistry} is tested against. */
export class PlainIdRegistry {
  private readonly names = new Map<string, string>();
  private readonly ids = new Map<string, string>();

  register(name: unknown, count: number | undefined | null, path: FieldPath, issues: Issue[]): void {
    if (typeof name !== 'string' || !new RegExp(NAME_PATTERN).test(name)) return;
    const namePath: FieldPath = [...path, 'name'];
    const owner = formatFieldPath(path);
    const firstWithName = this.names.get(name);
    if (firstWithName !== undefined) {
      issues.push(valueIssue(namePath, messages.duplicateName(name, firstWithName), name));
      return;
    }
    this.names.set(name, owner);
    if (count === null) return; // the ids are unknown; the count is reported by the schema check
    const memberIdList = memberIds(name, count);
    const clash = memberIdList.find((id) => this.ids.has(id));
    if (clash !== undefined) {
      issues.push(valueIssue(namePath, messages.duplicateValidatorId(clash, this.ids.get(clash) ?? ''), name));
    }
    for (const id of memberIdList) if (!this.ids.has(id)) this.ids.set(id, owner);
  }
}

function valueIssue(path: FieldPath, message: string, value: unknown): Issue {
  return { path, message, value: messages.renderValue(value), anchor: 'value' };
}
