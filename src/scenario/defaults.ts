/** What a scenario file may leave out, and what it then means (documented in docs/scenarios.md). */
import type { LotteryMode, ServerRules } from './types.js';

/** The seed tutorial's server start. */
export const DEFAULT_START = '2018-08-07 20:44:00';
export const DEFAULT_RULES: ServerRules = 'seed';
export const DEFAULT_LOTTERY: LotteryMode = 'periodic';
/** The seed's design card, in seconds: intake 5, lottery 10, sync 30, poll 3; no jitter. */
export const DEFAULT_TIMINGS_SECONDS = { intake: 5, lottery: 10, sync: 30, poll: 3, jitter: 0 } as const;
/** The BPM a client types when the entry gives none. */
export const DEFAULT_BPM = 72;
