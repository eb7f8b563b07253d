/**
 * `npm run fuzz -- [--cases N] [--seed S]`: the fuzz suite at any size. Runs N
 * generated scenario files through `validate` (and `run --rounds 3` when accepted) and
 * N generated command lines, in this process, and prints how many cases of each kind
 * ran and every breach of the safety contract (test/cli/fuzz/in-process.ts). Exits 1
 * if any case broke it.
 */
import fc from 'fast-check';
import { parseArgs } from 'node:util';
import { commandLine, commandLineCase, scenarioCase, type CaseOutcome } from '../test/cli/fuzz/fuzz-cases.js';
import { scenarioText } from '../test/cli/fuzz/scenario-documents.js';

const { values } = parseArgs({ options: { cases: { type: 'string', default: '1000' }, seed: { type: 'string', default: '1' } } });
const cases = Number(values.cases);
const seed = Number(values.seed);
if (!Number.isSafeInteger(cases) || cases < 1 || !Number.isSafeInteger(seed)) {
  process.stderr.write('usage: npm run fuzz -- [--cases N] [--seed S]\n');
  process.exit(2);
}

async function fuzz<T>(label: string, arbitrary: fc.Arbitrary<T>, check: (input: T) => Promise<CaseOutcome>): Promise<number> {
  const started = Date.now();
  const counts = new Map<string, number>();
  let breaches = 0;
  let done = 0;
  // One case at a time, in order: the same seed gives the same cases and the same counts.
  for (const input of fc.sample(arbitrary, { seed, numRuns: cases })) {
    const outcome = await check(input);
    counts.set(outcome.kind, (counts.get(outcome.kind) ?? 0) + 1);
    if (outcome.breaches.length > 0) {
      breaches++;
      process.stdout.write(`BREACH ${label} ${JSON.stringify(input).slice(0, 300)}\n  ${outcome.breaches.join('\n  ')}\n`);
    }
    if (++done % 500 === 0 && process.stderr.isTTY) process.stderr.write(`${label}: ${done}/${cases}\r`);
  }
  const kinds = [...counts].sort().map(([k, n]) => `${k} ${n}`).join(', ');
  process.stdout.write(`${label}: ${cases} cases (${kinds}), ${breaches} breaching the contract, in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
  return breaches;
}

const broken = (await fuzz('scenario files', scenarioText, scenarioCase)) + (await fuzz('command lines', commandLine, commandLineCase));
process.stdout.write(`${broken === 0 ? 'all cases kept the contract' : `${broken} cases broke the contract`} (seed ${seed})\n`);
process.exitCode = broken === 0 ? 0 : 1;
