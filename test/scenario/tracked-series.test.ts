import assert from 'node:assert/strict';
import { test } from 'node:test';
import { deriveStream } from '../../src/rng/stream.js';
import { largestTypedStakes } from '../../src/scenario/tracked-series.js';
import type { ResolvedValidator, TypedInput } from '../../src/scenario/types.js';

/** The definition: every position sorted by typed stake, largest first, ties by position. */
function bySort(balances: readonly TypedInput[], k: number): number[] {
  const stake = (i: number) => {
    const b = balances[i] as TypedInput;
    return b.kind === 'int' ? b.value : 0;
  };
  return balances.map((_, i) => i).sort((a, b) => stake(b) - stake(a) || a - b).slice(0, k);
}

test('the k largest typed stakes in one pass are the first k of the sort, ties and text balances included', () => {
  const rng = deriveStream(5, 'test', 'largest-typed-stakes');
  for (let trial = 0; trial < 300; trial++) {
    const n = rng.nextIntBelow(40);
    // Few distinct values, so that ties are common; some negative, some text.
    const balances: TypedInput[] = Array.from({ length: n }, () =>
      rng.nextIntBelow(8) === 0 ? { kind: 'text', text: 'x' } : { kind: 'int', value: rng.nextIntBelow(9) - 2 },
    );
    const validators = balances.map((balance) => ({ balance }) as ResolvedValidator);
    for (const k of [0, 1, 5, 50]) assert.deepEqual(largestTypedStakes(validators, k), bySort(balances, k), `trial ${trial}, k ${k}`);
  }
});
