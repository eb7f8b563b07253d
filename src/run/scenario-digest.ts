import { createHash } from 'node:crypto';
import { EntryMember, MemberJsonTexts, writePackedValidatorJson, type PackedValidators } from '../scenario/entry-member.js';
import type { ResolvedScenario } from '../scenario/types.js';
import { COMMA, TextBytes } from '../report/text-bytes.js';

/**
 * What the scenario digest hashes, as plain data a helper thread can be sent (its
 * columns transferred: see {@link digestTransfers}): the scenario's JSON before and
 * after its list of validators, and the validators packed.
 */
export interface DigestInput {
  readonly before: string;
  readonly after: string;
  readonly validators: PackedValidators;
}

export function digestInput(scenario: ResolvedScenario): DigestInput {
  // The text around the list, split where it goes: inside JSON strings a quote is always escaped, so only the key matches.
  const [before, after] = JSON.stringify({ ...scenario, validators: null }).split('"validators":null') as [string, string];
  return { before, after, validators: EntryMember.pack(scenario.validators) };
}

/** The input's buffers, which a worker can be given instead of copies (they are the input's own). */
export function digestTransfers(input: DigestInput): ArrayBuffer[] {
  const v = input.validators;
  return [v.plan.buffer, v.index.buffer, v.phaseUs.buffer, v.balance.buffer] as ArrayBuffer[];
}

/** Bytes of validators' JSON hashed at a time. */
const HASHED_BYTES = 1 << 15;

/**
 * sha256 of JSON.stringify(scenario), from its {@link DigestInput}, hashed in pieces as
 * it is made: the whole text is some 200 bytes per validator, a transient 200 MB at
 * 1,000,000 validators. The validators' JSON is written as UTF-8 straight into a
 * buffer, hashed each time it fills: strings per member, joined and encoded again,
 * were 1 GB of garbage there.
 */
export function digestOf(input: DigestInput): string {
  const hash = createHash('sha256');
  hash.update(`${input.before}"validators":[`);
  const bytes = new TextBytes(2 * HASHED_BYTES);
  hashValidators(input.validators, bytes, hash);
  hash.update(bytes.view());
  hash.update(`]${input.after}`);
  return hash.digest('hex');
}

function hashValidators(validators: PackedValidators, bytes: TextBytes, hash: { update(data: Uint8Array): unknown }): void {
  const texts = new MemberJsonTexts();
  // Loop alone in its function (docs/performance.md, "Nothing after a long loop").
  for (let i = 0; i < validators.plan.length; i++) {
    if (i > 0) bytes.char(COMMA);
    writePackedValidatorJson(validators, i, texts, bytes);
    if (bytes.length >= HASHED_BYTES) {
      hash.update(bytes.view());
      bytes.clear();
    }
  }
}

/** sha256 of JSON.stringify(scenario) (see {@link digestOf}): what identifies a resolved scenario in manifests. */
export function scenarioDigest(scenario: ResolvedScenario): string {
  return digestOf(digestInput(scenario));
}
