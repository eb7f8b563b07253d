import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { test } from 'node:test';
import { digestInput, digestOf, digestTransfers, scenarioDigest } from '../../src/run/scenario-digest.js';
import { resolveScenario } from '../../src/scenario/resolve.js';
import { MEMBER_KINDS } from '../scenario/member-kinds.js';
import type { ResolvedValidator } from '../../src/scenario/types.js';
import { randomScenario } from '../model/random-scenarios.js';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

test('the digest is sha256 of JSON.stringify(scenario): random plain scenarios, and resolved ones of members of every kind', () => {
  for (let seed = 1; seed <= 30; seed++) {
    const scenario = randomScenario(seed);
    assert.equal(scenarioDigest(scenario), sha256(JSON.stringify(scenario)), `random scenario ${seed}`);
  }
  const scenario = resolveScenario(MEMBER_KINDS, 'digest.yaml');
  assert.equal(scenarioDigest(scenario), sha256(JSON.stringify(scenario)));
  // Plain validators between members.
  const byHand = { ...(JSON.parse(JSON.stringify(scenario.validators[1])) as ResolvedValidator), id: 'by hand' };
  const mixed = { ...scenario, validators: [scenario.validators[0] as ResolvedValidator, byHand, ...scenario.validators.slice(2)] };
  assert.equal(scenarioDigest(mixed), sha256(JSON.stringify(mixed)));
});

test('the digest input survives a worker message with its columns transferred', () => {
  const scenario = randomScenario(7);
  const input = digestInput(scenario);
  const copy = structuredClone(input, { transfer: digestTransfers(input) });
  assert.equal(input.validators.plan.length, 0, 'the columns were transferred, not copied');
  assert.equal(digestOf(copy), sha256(JSON.stringify(scenario)));
});
