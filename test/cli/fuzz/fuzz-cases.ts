/**
 * The two fuzz properties, shared by the test suite (a few hundred cases, fixed seed)
 * and `npm run fuzz` (as many as asked, with counts):
 * - a scenario file: `validate` exits 0 or 2, and if it accepts the file, `run
 *   --rounds 3` completes (exit 0), both within the safety contract (in-process.ts);
 * - a command line of odd options on a valid scenario: exit 0 or 2, within the contract.
 */
import fc from 'fast-check';
import { join, resolve } from 'node:path';
import { contractBreaches, runInProcess, Sandbox } from './in-process.js';
import { scenarioText } from './scenario-documents.js';

export interface CaseOutcome {
  /** accepted / rejected by validate, or (argv cases) the exit code. */
  readonly kind: string;
  readonly breaches: readonly string[];
}

export async function scenarioCase(text: string): Promise<CaseOutcome> {
  const box = new Sandbox(text);
  try {
    const before = box.snapshot();
    const validated = await runInProcess(['validate', box.scenario], box.work);
    const breaches = contractBreaches(validated, before, box.snapshot(), [], box.root);
    if (validated.code !== 0) return { kind: 'rejected', breaches };
    const out = join(box.work, 'out');
    const beforeRun = box.snapshot();
    const run = await runInProcess(['run', box.scenario, '--rounds', '3', '--out', out, '--quiet', '--no-report', '--workers', '1'], box.work);
    breaches.push(...contractBreaches(run, beforeRun, box.snapshot(), [out], box.root));
    if (run.code !== 0) breaches.push(`validate accepted the file but run exited ${run.code}: ${run.stderr.slice(0, 400)}`);
    return { kind: 'accepted', breaches };
  } finally {
    box.remove();
  }
}

const VALID_SCENARIO = `name: tiny
seed: 7
rounds: 4
validators:
  - {name: a, count: 3, stake: 10, submit: {every: 10}}
  - {name: b, stake: 100, submit: {every: 10}}
`;

const optionValues: Record<string, readonly string[]> = {
  '--seed': ['', '0', '1', '-1', '0x10', '1e3', '4294967296', 'abc', '1.5', '\u0663', ' 5'],
  '--rounds': ['', '1', '3', '0', '1e12', '-3', '99999999999999999999', '2.5'],
  '--out': ['out', '.', '', '..', '../keep', '/', 'notes.txt', 'out/../out2', 'results', 'a\u0000b', 'x'.repeat(300)],
  '--sample-every': ['', '1', '0', '2', 'nope'],
  '--replications': ['', '1', '2', '0', '1000001', '1e21'],
  '--workers': ['', '1', '2', '64', '0', '-2'],
};
const flags = ['--force', '--quiet', '--chain', '--yes', '--no-report', '--report', '--bogus', '--help'];

const option = fc.oneof(
  fc.constantFrom(...Object.keys(optionValues)).chain((name) =>
    fc.tuple(fc.constant(name), fc.constantFrom(...(optionValues[name] as string[])), fc.boolean()).map(([n, v, joined]) => (joined ? [`${n}=${v}`] : [n, v])),
  ),
  fc.constantFrom(...flags).map((f) => [f]),
);

/** A command line: a command, a positional, then odd options (every run ends with --no-report unless it asks for a report). */
export const commandLine: fc.Arbitrary<string[]> = fc
  .tuple(
    fc.constantFrom('run', 'run', 'run', 'validate', 'report', 'bogus'),
    fc.constantFrom('SCENARIO', 'SCENARIO', 'missing.yaml', '', '../keep', 'notes.txt'),
    fc.array(option, { maxLength: 5 }),
  )
  .map(([command, positional, options]) => [command, positional, ...options.flat()]);

export async function commandLineCase(argv: readonly string[]): Promise<CaseOutcome> {
  const box = new Sandbox(VALID_SCENARIO);
  try {
    const line = argv.map((a) => (a === 'SCENARIO' ? box.scenario : a));
    if (line[0] === 'run' && !line.some((a) => a === '--report' || a.startsWith('--report='))) line.push('--no-report');
    const before = box.snapshot();
    const run = await runInProcess(line, box.work);
    const outs = line.flatMap((a, i) => (a === '--out' ? [line[i + 1] ?? ''] : a.startsWith('--out=') ? [a.slice(6)] : []));
    // An --out that is the sandbox or beyond it (`..`, `/`) must be refused: it grants nothing.
    const inside = (path: string) => path.startsWith(`${box.root}/`);
    const mayWrite = line[0] === 'run' ? [...outs.map((o) => resolve(box.work, o)).filter(inside), join(box.work, 'results')] : [];
    const breaches = contractBreaches(run, before, box.snapshot(), mayWrite, box.root);
    // --force may replace only pos-sim's folders: someone else's files never go.
    for (const kept of ['work/notes.txt', 'keep/data.csv']) if (!box.snapshot().has(kept)) breaches.push(`lost ${kept}`);
    return { kind: `exit ${run.code}`, breaches };
  } finally {
    box.remove();
  }
}
