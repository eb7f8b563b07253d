import assert from 'node:assert/strict';
import test from 'node:test';
import { ModelRun } from '../../src/model/run.js';
import { groupTable, largestFirst, ValidatorTable } from '../../src/report/validator-table.js';
import { deriveStream } from '../../src/rng/stream.js';
import { randomScenario, randomSteadyScenario } from '../model/random-scenarios.js';

/** The plain reference of largestFirst: a stable sort of every index, the first k. */
function largestFirstBySorting(values: ArrayLike<number>, k: number): number[] {
  const order = Array.from({ length: values.length }, (_, i) => i);
  order.sort((a, b) => (values[b] as number) - (values[a] as number) || a - b);
  return order.slice(0, k);
}

test('largestFirst is the first k of a stable descending sort, ties and all', () => {
  const rng = deriveStream(3, 'test', 'largest-first');
  for (let c = 0; c < 500; c++) {
    const n = rng.nextIntBelow(60);
    // Few distinct values, so ties are common; -0 beside 0 too.
    const pool = [0, -0, 1, 2, 2.5, 100, 1e15, 0.1 + 0.2, 0.3];
    const values = Float64Array.from({ length: n }, () => pool[rng.nextIntBelow(pool.length)] as number);
    const k = rng.nextIntBelow(15);
    assert.deepEqual(largestFirst(values, k), largestFirstBySorting(values, k), `case ${c}: ${values.join(' ')} k=${k}`);
  }
});

test('ValidatorTable.groups() is groupTable of its rows, on random runs', () => {
  for (let seed = 1; seed <= 40; seed++) {
    const rng = deriveStream(seed, 'test', 'validator-table-groups');
    const base = seed % 2 === 0 ? randomScenario(seed) : randomSteadyScenario(seed);
    // Groups interleaved and repeated, not only one per validator.
    const groups = ['a', 'b', 'c'];
    const sc = { ...base, validators: base.validators.map((v) => ({ ...v, group: groups[rng.nextIntBelow(3)] as string })) };
    const result = new ModelRun(sc, { round: () => {}, block: () => {}, period: () => {} }).runToEnd();
    const table = new ValidatorTable(sc, result);
    assert.deepEqual(table.groups(), groupTable(table.rows(), result.counters.rounds), `seed ${seed}`);
    assert.deepEqual(
      table.topByStake(5).map((r) => r.id),
      largestFirstBySorting(result.validators.stake, 5).map((i) => sc.validators[i]?.id),
      `seed ${seed}`,
    );
  }
});
