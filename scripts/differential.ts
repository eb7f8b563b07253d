/**
 * `npm run differential -- [--cases N] [--from SEED] [--keep]`: runs N random scenario
 * files (test/reference/random-documents.ts, cases SEED .. SEED + N - 1) through
 * `pos-sim run` with the fast engine and with the reference server, compares the two
 * results folders byte for byte (test/reference/results-folders.ts), and prints the
 * counts: identical, refused alike (both engines stop with the same error, numbers aside,
 * e.g. a pool stake of 2^53 or more), and differing. Exit code 1 if any case differs; its folders
 * are then kept for a look.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { differentialCase } from '../test/reference/random-documents.js';
import { compareCase } from '../test/reference/results-folders.js';

const USAGE = 'usage: npm run differential -- [--cases N] [--from SEED] [--keep]';

function count(text: string | undefined, fallback: number, name: string): number {
  if (text === undefined) return fallback;
  if (!/^\d+$/.test(text) || Number(text) < 1) {
    process.stderr.write(`differential: --${name} must be a whole number >= 1, got ${text}\n${USAGE}\n`);
    process.exit(2);
  }
  return Number(text);
}

const { values } = parseArgs({ options: { cases: { type: 'string' }, from: { type: 'string' }, keep: { type: 'boolean' } } });
const cases = count(values.cases, 1000, 'cases');
const from = count(values.from, 1, 'from');
const root = mkdtempSync(join(tmpdir(), 'pos-sim-differential-'));
const started = Date.now();
const differing: number[] = [];
let refusedAlike = 0;
for (let seed = from; seed < from + cases; seed++) {
  const dir = join(root, String(seed));
  const outcome = await compareCase(differentialCase(seed), dir);
  // Numbers aside: a pool stake beyond 2^53 is summed inexactly, and in another order by each engine.
  const errorText = (message: string | null) => message?.replace(/\d+/g, '#') ?? null;
  const alike = outcome.kind === 'failed' && outcome.fast !== null && errorText(outcome.fast) === errorText(outcome.reference);
  if (alike) {
    refusedAlike++;
    process.stdout.write(`case ${seed}: both engines refused it alike: ${outcome.fast}\n`);
    rmSync(dir, { recursive: true, force: true });
  } else if (outcome.kind !== 'identical') {
    differing.push(seed);
    const what =
      outcome.kind === 'differs'
        ? `differs: ${outcome.files.join(', ')}`
        : `failed: fast: ${outcome.fast ?? 'ok'}; reference: ${outcome.reference ?? 'ok'}`;
    process.stdout.write(`case ${seed}: ${what} (${dir})\n`);
  } else if (!values.keep) rmSync(dir, { recursive: true, force: true });
  if ((seed - from + 1) % 100 === 0) process.stderr.write(`differential: ${seed - from + 1} of ${cases} cases\n`);
}
const seconds = ((Date.now() - started) / 1000).toFixed(1);
process.stdout.write(
  `differential: ${cases} cases (seeds ${from}..${from + cases - 1}), ${cases - differing.length - refusedAlike} identical, ` +
    `${refusedAlike} refused alike by both engines, ${differing.length} differing or failed otherwise, ${seconds} s\n`,
);
if (differing.length === 0 && !values.keep) rmSync(root, { recursive: true, force: true });
process.exit(differing.length === 0 ? 0 : 1);
