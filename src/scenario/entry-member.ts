import { elementAt } from '../lists/element-at.js';
import { textPiece, type TextPiece } from '../lists/text-piece.js';
import { MEMBER_ID_SEPARATOR, memberConnectUs, memberId, memberIdPrefix, type ConnectSchedule } from './members.js';
import type { BpmPlan, ResolvedScenario, ResolvedValidator, SubmissionPlan, TypedInput } from './types.js';

/** What the members of one validator entry share, resolved. */
export interface EntryPlan {
  readonly name: string;
  /** The entry's count; undefined for an entry of one validator, whose id is its name. */
  readonly count: number | undefined;
  readonly schedule: ConnectSchedule;
  readonly leaveUs: number | null;
  readonly bpm: BpmPlan;
  /** Every member's plan; null where each member draws its phase of `every` {@link drawnIntervalUs}. */
  readonly submissions: SubmissionPlan | null;
  readonly drawnIntervalUs: number;
}

/**
 * A resolved validator, holding only what is its own (its number in the entry, its
 * balance, its drawn phase) and reading the rest from its entry's plan when asked.
 * A million validators as plain objects, each with its id string and submission plan,
 * took 218 MB of heap (measured after resolving) and a second of the collector's time;
 * as members, 65 MB. Its JSON ({@link toJSON}, and {@link writePackedValidatorJson}
 * for the scenario digest) is the plain object's. An id or a drawn plan is a new object at each
 * read, so compare them by value. A spread, structuredClone or postMessage copies none
 * of the fields: use toJSON for a plain copy, or {@link packScenario} to send them to a
 * worker thread.
 */
export class EntryMember implements ResolvedValidator {
  constructor(
    private readonly plan: EntryPlan,
    private readonly index: number,
    readonly balance: TypedInput,
    /** The drawn phase, µs (0 where the plan has no drawn phase). */
    private readonly phaseUs: number,
  ) {}

  get id(): string {
    return memberId(this.plan.name, this.plan.count, this.index);
  }

  get group(): string {
    return this.plan.name;
  }

  get connectUs(): number {
    return memberConnectUs(this.plan.schedule, this.index);
  }

  get leaveUs(): number | null {
    return this.plan.leaveUs;
  }

  get submissions(): SubmissionPlan {
    return this.plan.submissions ?? { kind: 'every', intervalUs: this.plan.drawnIntervalUs, phaseUs: this.phaseUs };
  }

  get bpm(): BpmPlan {
    return this.plan.bpm;
  }

  /** The validators as columns (see {@link PackedValidators}, {@link packScenario}). */
  static pack(validators: readonly ResolvedValidator[]): PackedValidators {
    const plans: EntryPlan[] = [];
    const planNumbers = new Map<EntryPlan, number>();
    const balances: TypedInput[] = [];
    const balanceNumbers = new Map<TypedInput, number>();
    const n = validators.length;
    const packed = { plans, plan: new Int32Array(n), index: new Int32Array(n), phaseUs: new Float64Array(n), balances, balance: new Int32Array(n), plain: [] as ResolvedValidator[] };
    validators.forEach((v, i) => {
      if (!(v instanceof EntryMember)) {
        packed.plan[i] = -1 - packed.plain.length;
        packed.plain.push(v);
        return;
      }
      let planNumber = planNumbers.get(v.plan);
      if (planNumber === undefined) planNumbers.set(v.plan, (planNumber = plans.push(v.plan) - 1));
      let balanceNumber = balanceNumbers.get(v.balance);
      if (balanceNumber === undefined) balanceNumbers.set(v.balance, (balanceNumber = balances.push(v.balance) - 1));
      packed.plan[i] = planNumber;
      packed.index[i] = v.index;
      packed.phaseUs[i] = v.phaseUs;
      packed.balance[i] = balanceNumber;
    });
    return packed;
  }

  /** Its id, written to `out`: the entry's name, and `-` and its number if the entry has a count. */
  writeId(out: TextOut): void {
    out.text(this.plan.name);
    if (this.plan.count !== undefined) out.text(MEMBER_ID_SEPARATOR).number(this.index);
  }

  /** The validator as a plain object, its fields in the order of {@link ResolvedValidator}. */
  toJSON(): ResolvedValidator {
    return {
      id: this.id,
      group: this.group,
      balance: this.balance,
      connectUs: this.connectUs,
      leaveUs: this.leaveUs,
      submissions: this.submissions,
      bpm: this.bpm,
    };
  }
}

/** JSON.stringify of a member, from what is its own and its entry's plan. */
function writeMemberJson(plan: EntryPlan, index: number, balance: TypedInput, phaseUs: number, texts: MemberJsonTexts, out: TextOut): void {
  const pieces = texts.ofPlan(plan);
  if (pieces.afterNumber === null) out.piece(pieces.head);
  else out.piece(pieces.head).number(index).piece(pieces.afterNumber);
  if (balance.kind === 'int') out.piece(INT_BALANCE_HEAD).number(balance.value).piece(INT_BALANCE_TAIL);
  else out.text(JSON.stringify(balance)).piece(OTHER_BALANCE_TAIL);
  out.number(memberConnectUs(plan.schedule, index)).piece(pieces.afterConnect);
  if (pieces.afterPhase !== null) out.number(phaseUs).piece(pieces.afterPhase);
}

/**
 * Validators in a form that survives structuredClone (worker messages), which copies
 * an object's own fields and drops its class: members as columns beside their entry
 * plans and their distinct balances (each stays one object), any other validator as a
 * plain copy. Only the columns grow with the validators: a message of a million is
 * some 24 MB of typed arrays, which can be transferred.
 */
export interface PackedValidators {
  readonly plans: readonly EntryPlan[];
  /** Per validator: its plan's number, or -1 - k for plain validator k. */
  readonly plan: Int32Array;
  readonly index: Int32Array;
  readonly phaseUs: Float64Array;
  /** The members' balances, each once. */
  readonly balances: readonly TypedInput[];
  /** Per member: its balance's number in {@link balances}. */
  readonly balance: Int32Array;
  readonly plain: readonly ResolvedValidator[];
}

/** A scenario as a worker thread can be sent it (see {@link PackedValidators}). */
export interface PackedScenario {
  readonly settings: Omit<ResolvedScenario, 'validators'>;
  readonly validators: PackedValidators;
}

export function packScenario(scenario: ResolvedScenario): PackedScenario {
  const { validators, ...settings } = scenario;
  return { settings, validators: EntryMember.pack(validators) };
}

/** The scenario {@link packScenario} packed, equal to it field by field. */
export function unpackScenario(packed: PackedScenario): ResolvedScenario {
  return { ...packed.settings, validators: unpackValidators(packed.validators) };
}

function unpackValidators(packed: PackedValidators): ResolvedValidator[] {
  return Array.from(packed.plan, (planNumber, i) =>
    planNumber < 0
      ? elementAt(packed.plain, -1 - planNumber, 'plain validator')
      : new EntryMember(elementAt(packed.plans, planNumber, 'entry plan'), packed.index[i] as number, elementAt(packed.balances, packed.balance[i] as number, 'balance'), packed.phaseUs[i] as number),
  );
}

/**
 * `JSON.stringify` of packed validator i, written to `out` in pieces its entry's members
 * share ({@link MemberJsonTexts}: give every call of one pass the same one) and numbers:
 * no string per member (the scenario digest hashes a million of them; their toJSON
 * objects took a second).
 */
export function writePackedValidatorJson(packed: PackedValidators, i: number, texts: MemberJsonTexts, out: TextOut): void {
  const planNumber = packed.plan[i] as number;
  if (planNumber < 0) out.text(JSON.stringify(elementAt(packed.plain, -1 - planNumber, 'plain validator')));
  else writeMemberJson(elementAt(packed.plans, planNumber, 'entry plan'), packed.index[i] as number, elementAt(packed.balances, packed.balance[i] as number, 'balance'), packed.phaseUs[i] as number, texts, out);
}

/**
 * Where {@link writePackedValidatorJson} and {@link writeValidatorId} write: text and
 * pieces as they are, and numbers as `${x}` writes them (report/text-bytes.ts's
 * TextBytes, into bytes).
 */
export interface TextOut {
  piece(p: TextPiece): TextOut;
  text(s: string): TextOut;
  number(x: number): TextOut;
}

/**
 * `validator.id`, written to `out`: a member's id is made of its entry's name and its
 * number, and validators.csv writes a million of them (their strings were a third of a
 * second there).
 */
export function writeValidatorId(validator: ResolvedValidator, out: TextOut): void {
  if (validator instanceof EntryMember) validator.writeId(out);
  else out.text(validator.id);
}

interface PlanTexts {
  /**
   * The JSON up to a member's number (`{"id":"name-`), or for an entry of one, whose id
   * is its name, up to its balance (`{"id":"name","group":"name","balance":`).
   */
  readonly head: TextPiece;
  /** After a member's number, up to its balance (`","group":"name","balance":`); null for an entry of one. */
  readonly afterNumber: TextPiece | null;
  /**
   * After `connectUs`: to the end (`,"leaveUs":…,"submissions":…,"bpm":…}`), or up to
   * the phase where members draw theirs (`…,"submissions":{"kind":"every","intervalUs":…,"phaseUs":`).
   */
  readonly afterConnect: TextPiece;
  /** After a drawn phase (`},"bpm":…}`); null where the plan has no drawn phase. */
  readonly afterPhase: TextPiece | null;
}

const INT_BALANCE_HEAD = textPiece('{"kind":"int","value":');
const INT_BALANCE_TAIL = textPiece('},"connectUs":');
const OTHER_BALANCE_TAIL = textPiece(',"connectUs":');

/** JSON pieces of entry plans, each made once (see {@link writePackedValidatorJson}): the fields of a {@link ResolvedValidator}, in its order. */
export class MemberJsonTexts {
  private readonly plans = new Map<EntryPlan, PlanTexts>();

  ofPlan(plan: EntryPlan): PlanTexts {
    let texts = this.plans.get(plan);
    if (texts === undefined) {
      const name = JSON.stringify(plan.name);
      const afterId = `,"group":${name},"balance":`;
      const beforeSubmissions = `,"leaveUs":${JSON.stringify(plan.leaveUs)},"submissions":`;
      const bpm = `,"bpm":${JSON.stringify(plan.bpm)}}`;
      texts = {
        head: textPiece(plan.count === undefined ? `{"id":${name}${afterId}` : `{"id":${JSON.stringify(memberIdPrefix(plan.name)).slice(0, -1)}`),
        afterNumber: plan.count === undefined ? null : textPiece(`"${afterId}`),
        afterConnect: textPiece(
          plan.submissions === null
            ? `${beforeSubmissions}{"kind":"every","intervalUs":${plan.drawnIntervalUs},"phaseUs":`
            : `${beforeSubmissions}${JSON.stringify(plan.submissions)}${bpm}`,
        ),
        afterPhase: plan.submissions === null ? textPiece(`}${bpm}`) : null,
      };
      this.plans.set(plan, texts);
    }
    return texts;
  }
}
