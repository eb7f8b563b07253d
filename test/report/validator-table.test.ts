import assert from 'node:assert/strict';
import test from 'node:test';
import { ModelRun, type ModelResult } from '../../src/model/run.js';
import { ExactWinSums, ODDS_POWERS } from '../../src/model/counting/exact-win-sums.js';
import { exactMassesOf, groupTable, largestFirst, ValidatorTable } from '../../src/report/validator-table.js';
import { deriveStream } from '../../src/rng/stream.js';
import { randomScenario, randomSteadyScenario } from '../model/random-scenarios.js';
import { readValidators } from '../../src/report/charts/validator-input.js';
import { winRatePoints } from '../../src/report/charts/win-rate-points.js';
import { validatorsCsvHeader, writeValidatorsCsvRows } from '../../src/report/validators-csv.js';
import { TextBytes } from '../../src/report/text-bytes.js';
import { rowsOf } from './results-fixtures.js';

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

test('exact masses shared between validators of the same rounds are the masses each would get alone', () => {
  let shared = 0;
  for (let seed = 1; seed <= 40; seed++) {
    const base = randomSteadyScenario(seed);
    // Stakes from a short list, so that many validators are in the same rounds with the same p.
    const stakes = [100, 100, 250, 7];
    const sc = {
      ...base,
      validators: base.validators.map((v, i) => ({ ...v, balance: { kind: 'int' as const, text: String(stakes[i % 4]), value: stakes[i % 4] as number } })),
    };
    const result = new ModelRun(sc, { round: () => {}, block: () => {}, period: () => {} }).runToEnd();
    const masses = exactMassesOf(result);
    const seen = new Set<Float64Array>();
    for (let i = 0; i < sc.validators.length; i++) {
      const got = masses(i);
      // A new closure has nothing to share: the masses computed for i alone.
      assert.deepEqual(got, exactMassesOf(result)(i), `seed ${seed}, validator ${i}`);
      if (got !== null && seen.has(got)) shared++;
      if (got !== null) seen.add(got);
    }
  }
  assert.ok(shared >= 20, `only ${shared} validators shared masses: the test no longer exercises the sharing`);
});

test('exact masses are shared only between the same odds power sums and the same number of masses', () => {
  const exactWins = new ExactWinSums(4);
  const sums = [
    [0.002, 4e-6, 8e-9, 1.6e-11, 3.2e-14, 6.4e-17],
    [0.002, 4e-6, 8e-9, 1.6e-11, 3.2e-14, 6.4e-17],
    [0.002, 2e-6, 2e-9, 2e-12, 2e-15, 2e-18], // the same first sum, the rest not
    [0.002, 2e-6, 2e-9, 2e-12, 2e-15, 2e-18], // but 40 wins: more masses
  ];
  sums.forEach((row, v) => exactWins.setOddsPowerSums(v, row));
  const result = {
    exactWins,
    validators: { expectedWins: new Float64Array(4).fill(0.002), roundsInPool: new Float64Array(4).fill(1000), wins: Float64Array.from([0, 0, 0, 40]) },
  } as unknown as ModelResult;
  const masses = exactMassesOf(result);
  const got = [0, 1, 2, 3].map((i) => masses(i));
  got.forEach((m, i) => assert.deepEqual(m, exactMassesOf(result)(i), `validator ${i}`));
  assert.equal(got[1], got[0], 'the same sums and length: one computation');
  assert.notDeepEqual(got[2], got[0]);
  assert.equal(got[3]?.length, 41);
});

test('chartValidators() are the figures the report reads back from the validators.csv the table writes, on random runs', async () => {
  const odd = ['a,b', 'say "hi"', 'two\nlines', 'é', ''];
  let pooledRuns = 0;
  for (let seed = 1; seed <= 40; seed++) {
    const rng = deriveStream(seed, 'test', 'chart-validators');
    const base = seed % 2 === 0 ? randomScenario(seed) : randomSteadyScenario(seed);
    // Every fourth run copied 30 times over, so that the win-rate chart pools (over 200 rated validators).
    const copies = seed % 4 === 0 ? 30 : 1;
    const validators = Array.from({ length: copies }, (_, c) =>
      base.validators.map((v) => ({ ...v, id: `${v.id}.${c}${rng.nextIntBelow(8) === 0 ? odd[rng.nextIntBelow(odd.length)] : ''}`, group: ['a', 'b', 'c,d'][rng.nextIntBelow(3)] as string })),
    ).flat();
    const sc = { ...base, validators };
    const result = new ModelRun(sc, { round: () => {}, block: () => {}, period: () => {} }).runToEnd();
    const table = new ValidatorTable(sc, result);
    const inMemory = table.chartValidators();
    // validators.csv as the run writes it.
    const file = { pending: new TextBytes(16), flushIfFull: () => {} };
    file.pending.text(validatorsCsvHeader());
    writeValidatorsCsvRows(table, file);
    const fromFile = await readValidators(rowsOf(Buffer.from(file.pending.view()).toString('utf8')));
    assert.equal(inMemory.count, fromFile.count, `seed ${seed}`);
    const columns = ['stake', 'roundsInPool', 'wins', 'expectedWins', 'winVariance', 'expectedShare', 'wilsonLow', 'wilsonHigh'] as const;
    for (const column of columns) assert.deepEqual(Array.from(inMemory[column]), Array.from(fromFile[column]), `seed ${seed}: ${column}`);
    for (let i = 0; i < inMemory.count; i++) {
      assert.equal(inMemory.idOf(i), fromFile.idOf(i), `seed ${seed}: id ${i}`);
      assert.equal(inMemory.groupOf(i), fromFile.groupOf(i), `seed ${seed}: group ${i}`);
    }
    const points = winRatePoints(inMemory);
    assert.deepEqual(points, winRatePoints(fromFile), `seed ${seed}: win-rate points`);
    if (points.pooledValidators > 0) pooledRuns++;
  }
  assert.ok(pooledRuns >= 3, `${pooledRuns} runs pooled validators in the win-rate chart`);
});
