/**
 * Random scenario files for the differential suite: every feature a scenario can ask
 * for, mixed at random from a seed, kept small enough for the reference server (its
 * cost grows with threads x wake-ups, and the seed rules grow threads with every line).
 */
import { deriveStream, type RandomStream } from '../../src/rng/stream.js';

/** A scenario document as a YAML file holds it (JSON is YAML). */
export type ScenarioDocument = Record<string, unknown> & { validators: Array<Record<string, unknown>> };

/** A generated case: the document and the `pos-sim run` options to run it with. */
export interface DifferentialCase {
  readonly seed: number;
  readonly document: ScenarioDocument;
  readonly chain: boolean;
  readonly sampleEvery?: number;
}

const pick = <T>(rng: RandomStream, items: readonly T[]): T => items[rng.nextIntBelow(items.length)] as T;
const chance = (rng: RandomStream, oneIn: number): boolean => rng.nextIntBelow(oneIn) === 0;
/** µs -> seconds as a scenario writes them (exact: validation reads µs back). */
const seconds = (us: number): number => us / 1e6;

/** Whole-ms server timings, the design card's and odd ones. */
function timings(rng: RandomStream): Record<string, number> | undefined {
  if (chance(rng, 3)) return undefined;
  const ms = (choices: readonly number[]) => seconds(1000 * pick(rng, choices));
  return {
    intake: ms([5000, 5000, 1000, 2500, 3333, 7001, 17, 999]),
    lottery: ms([10000, 10000, 4000, 6667, 12345, 1000, 5000]),
    sync: ms([30000, 30000, 10000, 7001, 20000, 45000]),
    poll: ms([3000, 3000, 1000, 2999, 5000, 10000]),
    jitter: ms([0, 0, 0, 1, 400, 1500, 5000]),
  };
}

function rewards(rng: RandomStream): Record<string, unknown> | undefined {
  const rule = pick(rng, ['none', 'none', 'constant', 'inflation', 'geometric'] as const);
  if (rule === 'none') return undefined; // a rewards mapping names its kind
  const out: Record<string, unknown> = {};
  if (rule === 'constant') out['constant'] = pick(rng, [1, 7, 50, 1000]);
  if (rule === 'inflation') out['inflation'] = pick(rng, [0.001, 0.01, 0.05, 0.3]);
  if (rule === 'geometric') out['geometric'] = { initial: pick(rng, [10, 100, 5000]), ratio: pick(rng, [0.5, 0.9, 0.999, 1]) };
  if (chance(rng, 3)) out['cap'] = pick(rng, [1, 150, 1000, 100_000]);
  if (chance(rng, 2)) out['withdrawOnLeave'] = chance(rng, 2);
  return out;
}

/** What a client types at the balance prompt: numbers, and text int() takes or refuses. */
function stake(rng: RandomStream, count: number): unknown {
  switch (rng.nextIntBelow(9)) {
    case 0:
      return pick(rng, ['', 'abc', '-5', ' 7 ', '1_000', '+30', '12 34', '0']);
    case 1:
      return { uniform: { min: pick(rng, [0, 1, 50]), max: pick(rng, [60, 1000, 1_000_000]) } };
    case 2:
      return { pareto: { min: pick(rng, [1, 10, 100]), alpha: pick(rng, [1.16, 2, 3]) } };
    case 3:
      return { lognormal: { median: pick(rng, [10, 1000]), sigma: pick(rng, [0, 0.5, 2]) } };
    case 4:
      return { values: Array.from({ length: count }, () => pick(rng, [0, 1, 5, 100, 77_777])) };
    case 5:
      return 0;
    default:
      return pick(rng, [1, 3, 100, 100, 1000, 5000, 1_000_000]);
  }
}

/** BPM lines: integers, cycles with text int() takes (" 42 ", "4_2") or refuses (evicting the client). */
function bpm(rng: RandomStream): unknown {
  switch (rng.nextIntBelow(6)) {
    case 0:
      return undefined;
    case 1:
      return { uniform: { min: pick(rng, [-5, 0, 60]), max: pick(rng, [60, 100, 200]) } };
    case 2:
      return pick<unknown[]>(rng, [[60, 70, 80], [' 42 ', '4_2', -3], [1, 2, 'x'], [9, ''], ['+7', 8]]);
    default:
      return pick(rng, [9, 60, 72, -1, 0, 123456]);
  }
}

/**
 * When an entry's members type: fixed intervals (whole seconds, odd ms, odd µs),
 * Poisson, explicit times, or never. `finite` plans end by themselves (for runs with
 * no duration, which must reach their end).
 */
function submit(rng: RandomStream, connectUs: number, leaveUs: number | null, horizonUs: number, finite: boolean): unknown {
  const kind = finite && leaveUs === null ? pick(rng, ['at', 'at', 'none']) : pick(rng, ['every', 'every', 'every', 'poisson', 'at', 'none']);
  if (kind === 'none') return 'none';
  if (kind === 'poisson') return { poisson: pick(rng, [0.05, 0.2, 0.5, 1.3]) };
  if (kind === 'at') {
    const end = leaveUs ?? connectUs + horizonUs;
    const times: number[] = [];
    let t = connectUs + (chance(rng, 3) ? 0 : rng.nextIntBelow(3_000_000));
    for (let i = 0; i < 1 + rng.nextIntBelow(12) && t < end; i++) {
      times.push(t);
      // Some lines come right after one another (1 µs), some on whole seconds.
      t += pick(rng, [1, 1000, 1_000_000, 5_000_000, rng.nextIntBelow(20_000_000) + 1]);
    }
    return times.length > 0 ? { at: times.map(seconds) } : 'none';
  }
  const everyUs = pick(rng, [10_000_000, 10_000_000, 5_000_000, 3_000_000, 7_500_000, 30_000_000, 2_500_001, 1_234_567, 10_000_001, 20_000_000, 60_000_000]);
  const plan: Record<string, number> = { every: seconds(everyUs) };
  const phase = rng.nextIntBelow(4);
  if (phase === 1) plan['phase'] = 0;
  if (phase === 2) plan['phase'] = seconds(1_000_000 * rng.nextIntBelow(Math.floor(everyUs / 1_000_000)));
  if (phase === 3) plan['phase'] = seconds(rng.nextIntBelow(everyUs));
  return plan;
}

/** One entry: a group of clients, often connecting together (collisions), sometimes spread out and leaving (churn). */
function entry(rng: RandomStream, i: number, horizonUs: number, finite: boolean): Record<string, unknown> {
  const count = pick(rng, [1, 1, 1, 2, 3, 5]);
  const out: Record<string, unknown> = { name: `g${i}`, stake: stake(rng, count) };
  if (count > 1) out['count'] = count;
  const atUs = pick(rng, [0, 0, 0, 1_000_000, 7_000_000, 12_500_000, 31_000_000, rng.nextIntBelow(40_000_000)]);
  // Without a connect, validator k connects at k µs; `every: 0` connects all members at once (collisions).
  const connect = rng.nextIntBelow(4);
  let lastConnectUs = 100; // above any default connect time of these small files
  if (connect === 1) lastConnectUs = atUs + count - 1;
  if (connect === 1) out['connect'] = seconds(atUs);
  if (connect === 2 || connect === 3) {
    const everyUs = connect === 2 ? 0 : pick(rng, [1, 1000, 2_000_000, 9_999_999]);
    out['connect'] = { at: seconds(atUs), every: seconds(everyUs) };
    lastConnectUs = atUs + everyUs * (count - 1);
  }
  const leaves = finite || chance(rng, 3);
  const leaveUs = leaves ? lastConnectUs + 1_000_000 + pick(rng, [0, 1, 4_000_000, 19_999_999, 45_000_000, rng.nextIntBelow(150_000_000)]) : null;
  if (leaveUs !== null) out['leave'] = seconds(leaveUs);
  out['submit'] = submit(rng, lastConnectUs, leaveUs, horizonUs, finite);
  const bpmField = bpm(rng);
  if (bpmField !== undefined) out['bpm'] = bpmField;
  return out;
}

/** Case `seed` of the differential suite. */
export function differentialCase(seed: number): DifferentialCase {
  const rng = deriveStream(seed, 'test', 'differential');
  const stop = pick(rng, ['duration', 'duration', 'rounds', 'both'] as const);
  const durationUs = 1_000 * pick(rng, [30_000, 60_000, 90_000, 125_000, 200_000, 61_001]);
  const finite = stop === 'rounds';
  const entries = Array.from({ length: 1 + rng.nextIntBelow(6) }, (_, i) => entry(rng, i, durationUs, finite));
  const document: ScenarioDocument = { name: `differential-${seed}`, seed: rng.nextIntBelow(2 ** 32), validators: entries };
  if (stop !== 'rounds') document['duration'] = seconds(durationUs);
  if (stop !== 'duration') document['rounds'] = pick(rng, [1, 3, 10, 1000]);
  document['rules'] = pick(rng, ['seed', 'seed', 'fixed']);
  document['lottery'] = pick(rng, ['periodic', 'periodic', 'literal']);
  if (chance(rng, 3)) document['start'] = pick(rng, ['2018-08-07 20:44:00', '2018-08-07 23:59:59.999999', '1999-12-31 23:59:30.500000', '2024-02-29 12:00:00']);
  const t = timings(rng);
  if (t) document['timings'] = t;
  const r = rewards(rng);
  if (r) document['rewards'] = r;
  if (chance(rng, 3)) document['track'] = entries.filter(() => chance(rng, 2)).map((e) => e['name']);
  return {
    seed,
    document,
    chain: chance(rng, 2),
    ...(chance(rng, 4) ? { sampleEvery: pick(rng, [1, 2, 7]) } : {}),
  };
}
