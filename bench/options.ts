import { parseArgs } from 'node:util';
import { SPEEDUP, SWEEP, WORKLOADS, type WorkloadName } from './workloads.js';

/** More would only repeat what 10,000 replications already show, for hours. */
const MAX_SPEEDUP_REPLICATIONS = 10_000;

export const USAGE = `usage: npm run bench -- [--only NAME,NAME] [--scale X] [--repeat N] [--replications N] [--report]
  --only          workloads to run (default all): ${WORKLOADS.join(', ')}, and ${SPEEDUP.name} (the speed-up
                  of replications of ${SPEEDUP.workload} on every core over one worker), and ${SWEEP.name} (the same
                  for pos-sim sweep of ${SWEEP.file})
  --scale         multiply every workload's rounds by X (> 0), e.g. 0.1 for a quick look (default 1)
  --repeat        run each workload N times and report the median (default 1)
  --replications  replications in ${SPEEDUP.name} (2 to ${MAX_SPEEDUP_REPLICATIONS}; default ${SPEEDUP.replications})
  --report        the workloads' runs draw their charts and report.html too, as pos-sim run does by
                  default (without it they run with --no-report)`;

/** The bench's options with every default filled in. */
export interface BenchOptions {
  readonly workloads: readonly WorkloadName[];
  /** Whether to measure the workers speed-up. */
  readonly speedup: boolean;
  /** Whether to measure the sweep's speed-up on every core. */
  readonly sweep: boolean;
  readonly scale: number;
  readonly repeat: number;
  /** Replications in the speed-up. */
  readonly replications: number;
  /** Whether the workloads' runs draw the report (the CLI's default) rather than run with --no-report. */
  readonly report: boolean;
}

/** Thrown for bad command-line options: printed with the usage, exit code 2. */
export class BenchUsageError extends Error {}

export function parseBenchOptions(argv: readonly string[]): BenchOptions | 'help' {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: {
        only: { type: 'string' },
        scale: { type: 'string' },
        repeat: { type: 'string' },
        replications: { type: 'string' },
        report: { type: 'boolean' },
        help: { type: 'boolean' },
      },
    }));
  } catch (error) {
    throw new BenchUsageError((error as Error).message);
  }
  if (values.help) return 'help';
  const named = (name: string) => values.only === undefined || values.only.split(',').some((s) => s.trim() === name);
  const speedup = named(SPEEDUP.name);
  if (values.replications !== undefined && !speedup) {
    throw new BenchUsageError(`--replications: only ${SPEEDUP.name} runs replications, and --only leaves it out`);
  }
  return {
    workloads: values.only === undefined ? WORKLOADS : parseOnly(values.only),
    speedup,
    sweep: named(SWEEP.name),
    scale: parseNumber('--scale', values.scale ?? '1', (x) => x > 0, 'a number > 0'),
    repeat: parseNumber('--repeat', values.repeat ?? '1', (x) => Number.isInteger(x) && x >= 1, 'an integer >= 1'),
    replications: parseNumber(
      '--replications',
      values.replications ?? String(SPEEDUP.replications),
      (x) => Number.isInteger(x) && x >= 2 && x <= MAX_SPEEDUP_REPLICATIONS,
      `an integer from 2 to ${MAX_SPEEDUP_REPLICATIONS}`,
    ),
    report: values.report ?? false,
  };
}

function parseOnly(text: string): WorkloadName[] {
  const names = text.split(',').map((s) => s.trim());
  const known: readonly string[] = [...WORKLOADS, SPEEDUP.name, SWEEP.name];
  const unknown = names.filter((n) => !known.includes(n));
  if (unknown.length > 0) throw new BenchUsageError(`--only: unknown workload ${unknown.map((n) => `"${n}"`).join(', ')}; known: ${known.join(', ')}`);
  // Run in the fixed order, each once, whatever order they were named in.
  return WORKLOADS.filter((w) => names.includes(w));
}

/** A plain decimal (digits, maybe a fraction): not hex, exponents, signs or spaces, which Number() would take. */
function parseNumber(flag: string, text: string, ok: (x: number) => boolean, expected: string): number {
  const x = Number(text);
  if (!/^\d+(\.\d+)?$/.test(text) || !ok(x)) throw new BenchUsageError(`${flag}: expected ${expected}, got "${text}"`);
  return x;
}
