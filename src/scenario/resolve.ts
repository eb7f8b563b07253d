/**
 * Step 3 of loading: a validated document -> ResolvedScenario, with every default
 * filled, every time in integer µs and every random value drawn:
 *   1. top level: defaults for start, rules, lottery; rounds and duration
 *   2. server timings, seconds -> µs (whole ms)
 *   3. validator entries, expanded in file order: ids, connect times, balances
 *      (stream `population/<entry name>`), submission plans (phases from
 *      `phase/<validator id>`), BPM plans
 * The per-entry and per-validator streams mean that adding an entry changes no other
 * entry's draws.
 */
import { resolveCostedTiming } from './costed-timing.js';
import { deriveStream, firstIntBelow, FirstIntsBelow, type RandomStream } from '../rng/stream.js';
import { DEFAULT_BPM, DEFAULT_LOTTERY, DEFAULT_RULES, DEFAULT_START, DEFAULT_TIMINGS_SECONDS } from './defaults.js';
import { continuousStake, drawLognormal, drawPareto, drawPhaseUs, drawUniformInteger } from './draws.js';
import { EntryMember, type EntryPlan } from './entry-member.js';
import { connectSchedule, memberId, memberIdPrefix } from './members.js';
import type {
  BpmField,
  ConnectField,
  RewardsDocument,
  ScenarioDocument,
  StakeField,
  SubmitField,
  TimingsDocument,
  ValidatorEntryDocument,
} from './schema.js';
import type {
  BpmPlan,
  ResolvedRewards,
  ResolvedScenario,
  ResolvedTimings,
  RewardRule,
  ResolvedValidator,
  SubmissionPlan,
  TypedInput,
} from './types.js';
import { secondsToMicros, secondsToMillisAsMicros } from './units.js';

/**
 * @param document a document that passed validateScenario (anything else is a bug and may throw)
 * @param source the file it came from, kept for messages and the run manifest
 */
export function resolveScenario(document: ScenarioDocument, source: string): ResolvedScenario {
  return {
    name: document.name,
    description: document.description ?? '',
    source,
    seed: document.seed,
    start: pythonDateTime(document.start ?? DEFAULT_START),
    rounds: document.rounds ?? null,
    durationUs: document.duration === undefined ? null : exactMicros(document.duration),
    rules: document.rules ?? DEFAULT_RULES,
    lottery: document.lottery ?? DEFAULT_LOTTERY,
    timings: resolveTimings(document.timings ?? {}),
    ...costedField(document),
    rewards: resolveRewards(document.rewards),
    sampleEvery: document.sampleEvery ?? null,
    track: document.track ?? [],
    validators: resolveValidators(document.validators, document.seed),
  };
}

/** Present only under timing: costed, so that an ideal-clock scenario resolves as before. */
function costedField(document: ScenarioDocument): { costed?: ReturnType<typeof resolveCostedTiming> } {
  const costed = resolveCostedTiming(document);
  return costed === undefined ? {} : { costed };
}

/** Python's str(datetime) omits a zero microsecond part, so `...:00.000000` prints as `...:00`. */
function pythonDateTime(text: string): string {
  return text.endsWith('.000000') ? text.slice(0, -'.000000'.length) : text;
}

function resolveRewards(rewards: RewardsDocument | undefined): ResolvedRewards {
  const rule: RewardRule =
    rewards?.constant !== undefined
      ? { kind: 'constant', amount: rewards.constant }
      : rewards?.inflation !== undefined
        ? { kind: 'inflation', rate: rewards.inflation }
        : rewards?.geometric !== undefined
          ? { kind: 'geometric', initial: rewards.geometric.initial, ratio: rewards.geometric.ratio }
          : { kind: 'none' };
  return { rule, capStake: rewards?.cap ?? null, withdrawOnLeave: rewards?.withdrawOnLeave ?? false };
}

function resolveTimings(timings: TimingsDocument): ResolvedTimings {
  const defaults = DEFAULT_TIMINGS_SECONDS;
  return {
    intakeUs: exactMillisAsMicros(timings.intake ?? defaults.intake),
    lotteryUs: exactMillisAsMicros(timings.lottery ?? defaults.lottery),
    syncUs: exactMillisAsMicros(timings.sync ?? defaults.sync),
    pollUs: exactMillisAsMicros(timings.poll ?? defaults.poll),
    jitterUs: exactMillisAsMicros(timings.jitter ?? defaults.jitter),
  };
}

function resolveValidators(entries: readonly ValidatorEntryDocument[], seed: number): ResolvedValidator[] {
  // One list, sized once, that each entry fills in place: a list per entry copied into a
  // growing one was a tenth of resolving a million validators, and garbage.
  const validators = new Array<ResolvedValidator>(entries.reduce((n, entry) => n + (entry.count ?? 1), 0));
  let filled = 0;
  for (const entry of entries) filled = resolveEntry(entry, seed, validators, filled);
  return validators;
}

/** Resolves the entry's members into `validators` from position `first` on; returns the position after them. */
function resolveEntry(entry: ValidatorEntryDocument, seed: number, validators: ResolvedValidator[], first: number): number {
  const count = entry.count ?? 1;
  const balances = resolveBalances(entry.stake, count, deriveStream(seed, 'population', entry.name));
  // Plans without a drawn phase are the same for every member: one object for all.
  const submit = entry.submit;
  const drawsPhase = typeof submit === 'object' && 'every' in submit && submit.phase === undefined;
  const plan: EntryPlan = {
    name: entry.name,
    count: entry.count,
    schedule: connectSchedule(explicitConnect(entry.connect), first),
    leaveUs: entry.leave === undefined ? null : exactMicros(entry.leave),
    bpm: resolveBpm(entry.bpm ?? DEFAULT_BPM),
    submissions: drawsPhase ? null : resolveSubmissions(submit),
    drawnIntervalUs: drawsPhase ? exactMicros(submit.every) : 0,
  };
  const phases = drawsPhase ? new DrawnPhases(plan, seed) : null;
  addMembers(validators, first, count, plan, balances, phases);
  return first + count;
}

/** The entry's `count` members, into `validators` from position `first` on. */
function addMembers(validators: ResolvedValidator[], first: number, count: number, plan: EntryPlan, balances: readonly TypedInput[], phases: DrawnPhases | null): void {
  // Loop alone in its function (docs/performance.md, "Nothing after a long loop").
  for (let k = 0; k < count; k++) validators[first + k] = new EntryMember(plan, k, itemAt(balances, k), phases === null ? 0 : phases.of(k));
}

/**
 * Each member's phase of `every`: {@link drawPhaseUs} from the member's `phase/<id>`
 * stream, whose only draw it is; made without the stream where the interval allows
 * (see FirstIntsBelow), as V8's small-integer form when it has one.
 */
class DrawnPhases {
  private readonly draws: FirstIntsBelow | null;

  constructor(
    private readonly plan: EntryPlan,
    private readonly seed: number,
  ) {
    this.draws = plan.count !== undefined && plan.drawnIntervalUs <= 2 ** 32 ? new FirstIntsBelow(seed, ['phase'], memberIdPrefix(plan.name)) : null;
  }

  of(k: number): number {
    const intervalUs = this.plan.drawnIntervalUs;
    if (this.draws !== null) return smallIntegerIfItFits(this.draws.of(intervalUs, k));
    return smallIntegerIfItFits(drawnPhaseUs(intervalUs, memberId(this.plan.name, this.plan.count, k), this.seed));
  }
}

function explicitConnect(connect: ConnectField | undefined): { atUs: number; everyUs?: number } | undefined {
  if (connect === undefined) return undefined;
  if (typeof connect === 'number') return { atUs: exactMicros(connect) };
  const atUs = exactMicros(connect.at);
  return connect.every === undefined ? { atUs } : { atUs, everyUs: exactMicros(connect.every) };
}

/**
 * One balance per member, drawn in member order from the entry's stream. Members of one
 * balance share one object: a constant stake is one object for all (100,000 members,
 * 100,000 objects fewer), and drawn stakes repeat (the million bench workload's
 * 1,000,000 lognormal draws are 1,180 balances).
 */
function resolveBalances(stake: StakeField, count: number, stream: RandomStream): TypedInput[] {
  const each = (draw: () => number): TypedInput[] => {
    const byValue = new Map<number, TypedInput>();
    return Array.from({ length: count }, () => {
      const value = draw();
      let balance = byValue.get(value);
      if (balance === undefined) byValue.set(value, (balance = { kind: 'int', value }));
      return balance;
    });
  };
  const shared = (balance: TypedInput): TypedInput[] => new Array<TypedInput>(count).fill(balance);
  if (typeof stake === 'number') return shared({ kind: 'int', value: stake });
  if (typeof stake === 'string') return shared({ kind: 'text', text: stake });
  if ('uniform' in stake) return each(() => drawUniformInteger(stake.uniform.min, stake.uniform.max, stream));
  if ('pareto' in stake) return each(() => continuousStake(drawPareto(stake.pareto, stream)));
  if ('lognormal' in stake) return each(() => continuousStake(drawLognormal(stake.lognormal, stream)));
  return stake.values.map((value) => ({ kind: 'int', value }));
}

/** The plan every member of an entry shares: all but `every` with a drawn phase (see resolveEntry). */
function resolveSubmissions(submit: SubmitField): SubmissionPlan {
  if (submit === 'none') return { kind: 'none' };
  if ('poisson' in submit) return { kind: 'poisson', ratePerSecond: submit.poisson };
  if ('at' in submit) return { kind: 'at', timesUs: submit.at.map(exactMicros) };
  if (submit.phase === undefined) throw new Error('resolveSubmissions: a drawn phase is each member\'s own');
  return { kind: 'every', intervalUs: exactMicros(submit.every), phaseUs: smallIntegerIfItFits(exactMicros(submit.phase)) };
}

/**
 * {@link drawPhaseUs} from the validator's `phase/<id>` stream, whose only draw it is:
 * made without the stream where the interval allows (see firstIntBelow).
 */
function drawnPhaseUs(intervalUs: number, validatorId: string, seed: number): number {
  return intervalUs <= 2 ** 32
    ? firstIntBelow(intervalUs, seed, 'phase', validatorId)
    : drawPhaseUs(intervalUs, deriveStream(seed, 'phase', validatorId));
}

function resolveBpm(bpm: BpmField): BpmPlan {
  if (typeof bpm === 'number') return { kind: 'cycle', entries: [{ kind: 'int', value: bpm }] };
  if (Array.isArray(bpm)) return { kind: 'cycle', entries: bpm.map(typedInput) };
  return { kind: 'uniform', min: bpm.uniform.min, max: bpm.uniform.max };
}

function typedInput(value: number | string): TypedInput {
  return typeof value === 'number' ? { kind: 'int', value } : { kind: 'text', text: value };
}

/**
 * The same integer, as V8's small-integer form when it has one (below 2^31): a drawn
 * value comes out of double arithmetic, and stored once per validator, each would cost
 * a heap number of its own.
 */
function smallIntegerIfItFits(x: number): number {
  return (x | 0) === x ? x | 0 : x;
}

// Validation guarantees the conditions below; a failure here is a bug in validation.

function exactMicros(seconds: number): number {
  const micros = secondsToMicros(seconds);
  if (micros === null) throw new Error(`resolveScenario: ${seconds} s is not whole µs; validation missed it`);
  return micros;
}

function exactMillisAsMicros(seconds: number): number {
  const micros = secondsToMillisAsMicros(seconds);
  if (micros === null) throw new Error(`resolveScenario: ${seconds} s is not whole ms; validation missed it`);
  return micros;
}

function itemAt<T>(items: readonly T[], index: number): T {
  const item = items[index];
  if (item === undefined) throw new Error(`resolveScenario: no item ${index}; validation missed a length`);
  return item;
}
