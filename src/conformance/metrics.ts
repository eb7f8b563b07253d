/**
 * The conformance table's metrics, computed the same way from a run of the real seed
 * server (the harness's event log, conformance/run_real.py) and from a pos-sim run.
 * Pure: the caller runs both and reads the files.
 */
import { auditChain } from '../audit/chain-audit.js';
import type { SeedBlock } from '../audit/seed-chain.js';
import type { ResolvedScenario, TypedInput } from '../scenario/types.js';
import { mean, quantileSorted } from 'simple-statistics';
import { elementAt } from '../lists/element-at.js';

export interface RunMetrics {
  /** Blocks appended after genesis. */
  blocks: number;
  /** Share of the gaps between consecutive lottery appends (seed seconds) that are 8 s or more. */
  longGapShare: number;
  /** Share of the blocks that reached temp_blocks and were cleared without being in a draw's pool. */
  neverDrawnShare: number;
  /** Blocks built on an old tip. */
  staleLinks: number;
  /** Announcements received by the busiest connection, over all received (NaN: none received). */
  busiestShare: number;
  /** Connections that received at least one announcement. */
  reached: number;
  /** Announcements made and never received by a client (lost to a closed connection's poller, or still queued). */
  lostShare: number;
  /** Validators evicted, or balances kept as bytes, because two lines were read together (quirk 8). */
  framingEvictions: number;
  /** 1 if the lottery thread died. */
  lotteryDied: number;
}

export const METRIC_NAMES = ['blocks', 'longGapShare', 'neverDrawnShare', 'staleLinks', 'busiestShare', 'reached', 'lostShare', 'framingEvictions', 'lotteryDied'] as const satisfies ReadonlyArray<keyof RunMetrics>;

/** One event of the real server's log (seed_server.py), `t` in seed seconds since genesis. */
export interface RealEvent {
  readonly kind: string;
  readonly t: number;
  readonly [field: string]: unknown;
}

export interface RealRun {
  readonly speedup: number;
  readonly duration: number;
  readonly events: readonly RealEvent[];
  readonly clients: ReadonlyArray<{ readonly id: string; readonly announcements: number }>;
}

/** The harness's script of a scenario: what each client types and when, in seed seconds. */
export interface HarnessPlan {
  duration: number;
  clients: Array<{ id: string; connect: number; balance: string; lines: Array<[number, string]>; leave: number | null }>;
}

/**
 * A scenario as the harness's clients play it. Only the plans a script can follow
 * exactly: `every`, `at` and `none` submissions, cycled BPM lines.
 * @throws RangeError naming the validator whose plan it cannot script
 */
export function harnessPlan(scenario: ResolvedScenario): HarnessPlan {
  if (scenario.durationUs === null) throw new RangeError(`harnessPlan: ${scenario.name} needs a duration`);
  const durationUs = scenario.durationUs;
  return {
    duration: durationUs / 1e6,
    clients: scenario.validators.map((v) => {
      if (v.bpm.kind !== 'cycle') throw new RangeError(`harnessPlan: ${v.id}: only cycled BPM lines can be scripted`);
      const entries = v.bpm.entries;
      const end = Math.min(durationUs, v.leaveUs ?? Infinity);
      const times: number[] = [];
      const plan = v.submissions;
      if (plan.kind === 'every') for (let t = v.connectUs + plan.phaseUs; t < end; t += plan.intervalUs) times.push(t);
      else if (plan.kind === 'at') times.push(...plan.timesUs.filter((t) => t < end));
      else if (plan.kind === 'poisson') throw new RangeError(`harnessPlan: ${v.id}: Poisson clients cannot be scripted`);
      return {
        id: v.id,
        connect: v.connectUs / 1e6,
        balance: inputText(v.balance),
        lines: times.map((t, k): [number, string] => [t / 1e6, inputText(entries[k % entries.length] as TypedInput)]),
        leave: v.leaveUs === null ? null : v.leaveUs / 1e6,
      };
    }),
  };
}

function inputText(input: TypedInput): string {
  return input.kind === 'int' ? String(input.value) : input.text;
}

/** The metrics of a real run, from its event log and what its clients received. */
export function realRunMetrics(run: RealRun): RunMetrics {
  const events = run.events;
  const blocks = events.filter((e) => e.kind === 'genesis' || e.kind === 'block').map((e) => e['block'] as SeedBlock);
  const of = (kind: string) => events.filter((e) => e.kind === kind);
  const { reachedTemp, undrawn } = neverDrawn(events);
  const merged = (text: unknown) => typeof text === 'string' && text.replace(/\n+$/, '').includes('\n');
  // A merged balance is refused by int() too: one int_refused event per eviction or bytes balance.
  const framing = of('int_refused').filter((e) => merged(e['text'])).length;
  return {
    ...chainMetrics(blocks, of('block').map((e) => e.t)),
    neverDrawnShare: reachedTemp === 0 ? 0 : undrawn / reachedTemp,
    ...announcementMetrics(run.clients.map((c) => c.announcements), of('announce').length),
    framingEvictions: framing,
    lotteryDied: of('thread_died').some((e) => String(e['thread']).includes('pick_winner')) ? 1 : 0,
  };
}

/**
 * Blocks that reached temp_blocks, and those of them never in it when a draw ran. Runs
 * recorded since the harness stopped wrapping `temp_blocks.clear()` (their draws list
 * the hashes in temp_blocks): a block added after the last draw is not counted undrawn
 * (it may still have been drawn) but is counted as reached, as pos-sim counts its own
 * (`wipedUndrawn` over `reachedTemp` of the costed reference server: a block still in
 * temp_blocks at the end, or after the lottery died, was never wiped). Older runs
 * recorded each clear with its undrawn count.
 */
function neverDrawn(events: readonly RealEvent[]): { reachedTemp: number; undrawn: number } {
  const draws = events.filter((e) => e.kind === 'draw');
  const adds = events.filter((e) => e.kind === 'temp_add');
  if (!draws.some((e) => Array.isArray(e['hashes']))) {
    return { reachedTemp: adds.length, undrawn: events.filter((e) => e.kind === 'clear').reduce((sum, e) => sum + (e['undrawn'] as number), 0) };
  }
  const lastDrawT = Math.max(...draws.map((e) => e.t));
  const drawn = new Set(draws.flatMap((e) => e['hashes'] as string[]));
  const undrawn = adds.filter((e) => e.t <= lastDrawT && !drawn.has(e['hash'] as string)).length;
  return { reachedTemp: adds.length, undrawn };
}

/**
 * Blocks and stale links of a chain (the audit's), and its long lottery gaps.
 * @param appendSeconds when each block after genesis was appended, seed seconds
 */
export function chainMetrics(chain: readonly SeedBlock[], appendSeconds: readonly number[]): Pick<RunMetrics, 'blocks' | 'longGapShare' | 'staleLinks'> {
  const stakes = new Map(chain.slice(1).map((b) => [b.Validator, 1]));
  if (stakes.size === 0) stakes.set('', 1);
  const audit = auditChain(chain, stakes);
  const gaps = appendSeconds.slice(1).map((t, i) => t - elementAt(appendSeconds, i, 'append time'));
  return {
    blocks: audit.rounds,
    longGapShare: gaps.length === 0 ? 0 : gaps.filter((g) => g >= 8).length / gaps.length,
    staleLinks: audit.staleLinks,
  };
}

export function announcementMetrics(received: ArrayLike<number>, made: number): Pick<RunMetrics, 'busiestShare' | 'reached' | 'lostShare'> {
  const counts = Array.from(received);
  const total = counts.reduce((a, b) => a + b, 0);
  return {
    busiestShare: total === 0 ? NaN : Math.max(...counts) / total,
    reached: counts.filter((n) => n > 0).length,
    lostShare: made === 0 ? NaN : (made - total) / made,
  };
}

export interface MetricSummary {
  mean: number;
  /** The 2.5% and 97.5% quantiles (nearest rank) of the values. */
  low: number;
  high: number;
  n: number;
}

/** Mean and central 95% range (simple-statistics' quantiles) of the values that are numbers (NaN ones left out). */
export function summarize(values: readonly number[]): MetricSummary {
  const sorted = values.filter((v) => !Number.isNaN(v)).sort((a, b) => a - b);
  if (sorted.length === 0) return { mean: NaN, low: NaN, high: NaN, n: 0 };
  return { mean: mean(sorted), low: quantileSorted(sorted, 0.025), high: quantileSorted(sorted, 0.975), n: sorted.length };
}
