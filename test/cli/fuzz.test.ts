import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { commandLine, commandLineCase, scenarioCase } from './fuzz/fuzz-cases.js';
import { scenarioText } from './fuzz/scenario-documents.js';

/**
 * The fuzz suite at CI size, fixed seed (`npm run fuzz -- --cases 10000` runs it at
 * any size and prints the counts). Each case: exit 0 or 2, no stack trace, nothing
 * written outside --out, and a scenario `validate` accepts is one `run` completes.
 */
const CASES = 150;
const SEED = 20261203;

test(`${CASES} generated and mutated scenario files keep the safety contract through validate and run`, async () => {
  const kinds = new Map<string, number>();
  for (const text of fc.sample(scenarioText, { seed: SEED, numRuns: CASES })) {
    const outcome = await scenarioCase(text);
    assert.deepEqual(outcome.breaches, [], text);
    kinds.set(outcome.kind, (kinds.get(outcome.kind) ?? 0) + 1);
  }
  // Both sides of the property are exercised, not only rejections.
  assert.ok((kinds.get('accepted') ?? 0) >= CASES / 5, JSON.stringify([...kinds]));
  assert.ok((kinds.get('rejected') ?? 0) >= CASES / 5, JSON.stringify([...kinds]));
});

test(`${CASES} command lines of odd options keep the safety contract`, async () => {
  const kinds = new Map<string, number>();
  for (const argv of fc.sample(commandLine, { seed: SEED, numRuns: CASES })) {
    const outcome = await commandLineCase(argv);
    assert.deepEqual(outcome.breaches, [], JSON.stringify(argv));
    kinds.set(outcome.kind, (kinds.get(outcome.kind) ?? 0) + 1);
  }
  assert.ok((kinds.get('exit 0') ?? 0) >= CASES / 10, JSON.stringify([...kinds]));
});
