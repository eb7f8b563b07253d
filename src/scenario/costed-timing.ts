/**
 * `timing: costed` (with `speedup` and `costs`): the scenario fields of the costed
 * clock, kept in one place. Under `timing: ideal` (the default) every step of the
 * server takes no time; under `costed` the reference server charges each step its
 * cost on CPython's GIL (src/reference/costed-server.ts). Costs are real µs of the
 * seed's pos.py at speed-up 1, measured on the real server by
 * conformance/measure_costs.py; `speedup: K` replays the real server run with its
 * sleeps K times shorter, in which every cost weighs K times more.
 */

export const TIMING_MODES = ['ideal', 'costed'] as const;
export const MAX_SPEEDUP = 1000;

/**
 * Defaults measured on this project's machine (2 cores, AMD EPYC, Python 3.11.7), quiet
 * as when the conformance table's real runs were made, with `python3
 * conformance/measure_costs.py --tutorial ../shared/seed/pos-tutorial.txt`: the median
 * of three runs, each the median of 5 (2026-12-04, evening). A busier machine read the
 * per-line steps about twice as high (docs/conformance.md, "Cost constants").
 */
export const DEFAULT_COSTS = {
  /** One `lottery_pool.append` of pick_winner's per-token loop. */
  ticketUs: 0.0156,
  /** json.dumps of the chain, per block (a sync sender, holding My_Lock). */
  dumpBlockUs: 1.17,
  /** One line in the handler: int(), two hashes, the queue, two sends, two Thread.start(). */
  lineUs: 389,
  /** A connection's handler start, prompt, int(balance), address hash. */
  connectUs: 186,
  /** A periodic thread's wake-up that finds nothing to do (intake, poller): Queue.get raising Empty. */
  wakeUs: 0.76,
  /** One Thread.start(): run() starts the intake, then the lottery, whose first sleep begins that much later. */
  threadStartUs: 147,
  /** How late a time.sleep() returns, on average (each sleep draws uniformly in [0, twice this]). */
  sleepLatencyUs: 142,
  /**
   * How late a client's line reaches the server after its instant, on average (each
   * draws uniformly in [0, twice this]): a client sleeps until each line's instant, and
   * the conformance harness's clients are Python threads on the server's machine, whose
   * sleeps return as late as the server's (sleepLatencyUs, the same measurement). 0:
   * every line arrives on time (the model before this constant).
   */
  clientSleepLatencyUs: 142,
  /** sys.getswitchinterval(). */
  switchIntervalUs: 5000,
  /**
   * A GIL hand-off's time per thread waiting for it: from a release to the next
   * holder's start, the OS wakes that thread among all the others queued. Timed
   * directly by conformance/gil_handoff.py: 0.375 µs per waiter over all its runs, 0.49
   * over those made alone on the machine (docs/conformance.md, "The hand-off,
   * measured"). 0.45, between the two, was chosen on the conformance table: whales-10
   * then breaks down at 20x in about half the seeds and never at 10x or 2x, as the
   * real pos.py does (3 of its 4 runs at 20x). 0 makes hand-offs instant.
   */
  handoffPerWaiterUs: 0.45,
} as const;

export type CostName = keyof typeof DEFAULT_COSTS;
export const COST_NAMES = Object.keys(DEFAULT_COSTS) as CostName[];

export interface CostedTiming {
  readonly speedup: number;
  /** Real µs at speed-up 1 (multiply by speedup for virtual µs). */
  readonly costs: Readonly<Record<CostName, number>>;
}

export const costedSchemaFields = {
  timing: { enum: [...TIMING_MODES] },
  speedup: { type: 'number', minimum: 1, maximum: MAX_SPEEDUP },
  costs: {
    type: 'object',
    properties: Object.fromEntries(COST_NAMES.map((name) => [name, { type: 'number', minimum: 0, maximum: 1e9 }])),
    additionalProperties: false,
  },
};

export interface CostedDocumentFields {
  timing?: (typeof TIMING_MODES)[number];
  speedup?: number;
  costs?: Partial<Record<CostName, number>>;
}

export function resolveCostedTiming(document: CostedDocumentFields): CostedTiming | undefined {
  if (document.timing !== 'costed') return undefined;
  return { speedup: document.speedup ?? 1, costs: { ...DEFAULT_COSTS, ...document.costs } };
}
