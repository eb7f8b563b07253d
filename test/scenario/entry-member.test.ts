import assert from 'node:assert/strict';
import { test } from 'node:test';
import { EntryMember, MemberJsonTexts, packScenario, unpackScenario, writePackedValidatorJson, writeValidatorId } from '../../src/scenario/entry-member.js';
import { TextBytes } from '../../src/report/text-bytes.js';
import { resolveScenario } from '../../src/scenario/resolve.js';
import { MEMBER_KINDS } from './member-kinds.js';
import type { ResolvedValidator } from '../../src/scenario/types.js';

const document = MEMBER_KINDS;

/** Every field of the interface, read through it, in its order. */
function fields(v: ResolvedValidator) {
  return { id: v.id, group: v.group, balance: v.balance, connectUs: v.connectUs, leaveUs: v.leaveUs, submissions: v.submissions, bpm: v.bpm };
}

test("a member's JSON is its fields, in the interface's order", () => {
  for (const v of resolveScenario(document, 'members.yaml').validators) assert.equal(JSON.stringify(v), JSON.stringify(fields(v)));
});

test('members read their own number, balance and phase, and their entry for the rest', () => {
  const validators = resolveScenario(document, 'members.yaml').validators;
  assert.deepEqual(validators.map((v) => v.id).slice(38, 46), ['drawn-38', 'drawn-39', 'fixed-0', 'fixed-1', 'fixed-2', 'listed-0', 'listed-1', 'one']);
  assert.deepEqual(validators.slice(40, 43).map((v) => v.connectUs), [2_000_000, 2_500_000, 3_000_000]);
  assert.deepEqual(validators.slice(40, 43).map((v) => v.leaveUs), [100_000_000, 100_000_000, 100_000_000]);
  assert.deepEqual(validators[41]?.submissions, { kind: 'every', intervalUs: 10_000_000, phaseUs: 1_000_000 });
  assert.deepEqual(validators.slice(43, 45).map((v) => v.balance), [{ kind: 'int', value: 3 }, { kind: 'int', value: 4 }]);
  const phases = validators.slice(0, 40).map((v) => (v.submissions.kind === 'every' ? v.submissions.phaseUs : -1));
  assert.ok(phases.every((p) => Number.isInteger(p) && p >= 0 && p < 10_000_000));
  assert.ok(new Set(phases).size > 30, 'each member draws a phase of its own');
});

test('a packed scenario survives structuredClone (as a worker message) field for field, shared balances still shared', () => {
  const scenario = resolveScenario(document, 'members.yaml');
  // A validator built by hand (as tests do) goes through as it is.
  const byHand: ResolvedValidator = { ...fields(scenario.validators[0] as ResolvedValidator), id: 'by-hand' };
  const mixed = { ...scenario, validators: [...scenario.validators, byHand] };
  const copy = unpackScenario(structuredClone(packScenario(mixed)));
  assert.equal(JSON.stringify(copy), JSON.stringify(mixed));
  assert.deepEqual(copy.validators.map(fields), mixed.validators.map(fields));
  const balances = (s: { validators: readonly ResolvedValidator[] }) => new Set(s.validators.slice(0, 40).map((v) => v.balance)).size;
  assert.equal(balances(copy), balances(mixed));
  assert.ok(balances(copy) <= 5, 'uniform 1..5: at most five balance objects');
});

test('writePackedValidatorJson writes the UTF-8 bytes of JSON.stringify of each validator, members of every kind, plain validators, names outside ASCII and large balances included', () => {
  const resolved = resolveScenario(document, 'members.yaml').validators;
  const validators = [...resolved, fields(resolved[3] as ResolvedValidator), { ...fields(resolved[0] as ResolvedValidator), id: 'by "hand", 验证者' }];
  const packed = EntryMember.pack(validators);
  const texts = new MemberJsonTexts();
  validators.forEach((v, i) => {
    const bytes = new TextBytes(8);
    writePackedValidatorJson(packed, i, texts, bytes);
    assert.deepEqual(Buffer.from(bytes.view()), Buffer.from(JSON.stringify(v)), v.id);
  });
  assert.equal(packed.plain.length, 2);
  assert.ok(packed.balances.length < 20, 'members of one balance share its number');
});

test('writeValidatorId writes the bytes of validator.id, for members of every kind of entry and for plain validators', () => {
  const validators = resolveScenario(document, 'members.yaml').validators;
  for (const v of [...validators, { ...fields(validators[3] as ResolvedValidator), id: 'by "hand", 验证者' }]) {
    const bytes = new TextBytes(4);
    writeValidatorId(v, bytes);
    assert.deepEqual(Buffer.from(bytes.view()), Buffer.from(v.id), v.id);
  }
});
