import { test } from 'node:test';
import assert from 'node:assert/strict';
import { EXACT_MASSES, ExactWinSums, SMALL_P } from '../../../src/model/counting/exact-win-sums.js';
import { deriveStream } from '../../../src/rng/stream.js';
import { poissonBinomialMasses } from '../../../src/stats/poissonBinomialMasses.js';
import { bruteForcePoissonBinomial } from '../../stats/bruteForcePoissonBinomial.js';

test('k rounds at once leave the same sums as k rounds one at a time, bit for bit, within the exact range', () => {
  const rng = deriveStream(13, 'test', 'exact-win-sums');
  for (let c = 0; c < 200; c++) {
    const small = c % 2 === 0;
    const p = small ? SMALL_P * rng.nextDouble() : SMALL_P + (1 - SMALL_P) * rng.nextDouble();
    // Large p: only as many rounds as keep the validator within the exact range (more are
    // not added, the validator being cleared at the end anyway).
    const k = 1 + rng.nextIntBelow(small ? 5000 : Math.floor(20 / p));
    const before = small ? rng.nextDouble() * 5 : 0;
    const once = new ExactWinSums(3);
    const batch = new ExactWinSums(3);
    // Some history first, the same in both.
    once.addRound(1, 0.001);
    batch.addRound(1, 0.001);
    for (let i = 0; i < k; i++) once.addRound(1, p);
    batch.addRounds(1, p, k, before);
    assert.deepEqual(Array.from(batch.allOddsPowerSums()), Array.from(once.allOddsPowerSums()), `case ${c}: p=${p}, k=${k}`);
    assert.deepEqual(batch.largeRoundMasses(1), once.largeRoundMasses(1), `case ${c}: p=${p}, k=${k}`);
  }
});

test('the masses it keeps are the brute-force convolution of the rounds added', () => {
  const rng = deriveStream(13, 'test', 'exact-win-sums-masses');
  for (let c = 0; c < 50; c++) {
    const ps = Array.from({ length: 1 + rng.nextIntBelow(400) }, () => (rng.nextIntBelow(3) === 0 ? 0.5 * rng.nextDouble() : SMALL_P * rng.nextDouble()));
    const sums = new ExactWinSums(1);
    for (const p of ps) sums.addRound(0, p);
    const masses = poissonBinomialMasses(sums.oddsPowerSumsOf(0), sums.largeRoundMasses(0), EXACT_MASSES);
    const exact = bruteForcePoissonBinomial(ps);
    masses.forEach((m, k) => {
      const want = exact[k] ?? 0;
      assert.ok(Math.abs(m - want) <= 1e-9 * want + 1e-14, `case ${c}, k=${k}: ${m} against ${want}`);
    });
  }
});

test('validators above 20 expected wins are cleared at the end; with rewards nothing is kept', () => {
  const sums = new ExactWinSums(2);
  sums.addRound(0, 0.001);
  sums.addRound(1, 0.5);
  sums.finish(Float64Array.from([0.001, 25]));
  assert.ok(sums.hasMasses(0.001) && !sums.hasMasses(25));
  assert.equal(sums.largeRoundMasses(1), null);
  const off = new ExactWinSums(2, false);
  assert.equal(off.tracks(0), false);
  assert.equal(off.hasMasses(0), false);
});

/** The odds power sums by definition: a flat row per validator, each round's r, r², ..., r⁶ added one round at a time. */
function plainOddsPowerSums(n: number): { sums: Float64Array; add: (v: number, p: number, rounds: number) => void } {
  const sums = new Float64Array(n * 6);
  return {
    sums,
    add(v, p, rounds) {
      const r = p / (1 - p);
      const r2 = r * r;
      const r4 = r2 * r2;
      const powers = [r, r2, r2 * r, r4, r4 * r, r4 * r2];
      for (let k = 0; k < rounds; k++) for (let j = 0; j < 6; j++) sums[v * 6 + j] = (sums[v * 6 + j] as number) + (powers[j] as number);
    },
  };
}

test('validators that share rows of sums end with the sums of their own rounds, bit for bit: random settles, histories and clears', () => {
  const rng = deriveStream(13, 'test', 'exact-win-sums-shared');
  for (let c = 0; c < 30; c++) {
    const n = 5 + rng.nextIntBelow(200);
    const sums = new ExactWinSums(n);
    const plain = plainOddsPowerSums(n);
    // A few stakes, so that many validators have one p and share rows; some with histories of their own.
    const stakes = Array.from({ length: n }, () => 1 + rng.nextIntBelow(4));
    for (let pass = 0; pass < 25; pass++) {
      const kind = rng.nextIntBelow(4);
      const members = Array.from({ length: n }, (_, v) => v).filter(() => rng.nextIntBelow(5) !== 0);
      // Every p below SMALL_P: the sums, not the masses.
      const total = 1100 + members.reduce((sum, v) => sum + (stakes[v] as number), 0);
      if (kind === 0) {
        // One member alone (as a history of its own, or a round of the general path).
        const v = rng.nextIntBelow(n);
        const p = SMALL_P * rng.nextDouble();
        sums.addRound(v, p);
        plain.add(v, p, 1);
      } else if (kind === 1) {
        // A settle of many rounds at once, one memo for the pass (as the cohort pool does).
        const rounds = 1 + rng.nextIntBelow(3000);
        const repeated = sums.repeatedSums();
        for (const v of members) {
          const p = (stakes[v] as number) / total;
          sums.addRounds(v, p, rounds, 0, repeated);
          plain.add(v, p, rounds);
        }
      } else if (kind === 2) {
        // A settle of one round.
        for (const v of members) {
          const p = (stakes[v] as number) / total;
          sums.addRound(v, p);
          plain.add(v, p, 1);
        }
      } else {
        // Many rounds without a memo.
        const rounds = 2 + rng.nextIntBelow(50);
        for (const v of members.slice(0, 5)) {
          const p = (stakes[v] as number) / total;
          sums.addRounds(v, p, rounds, 0);
          plain.add(v, p, rounds);
        }
      }
    }
    // Some cleared at the end.
    const expected = Float64Array.from({ length: n }, () => (rng.nextIntBelow(8) === 0 ? 30 : 1));
    sums.finish(expected);
    expected.forEach((e, v) => {
      if (e > 20) plain.sums.fill(0, v * 6, v * 6 + 6);
    });
    assert.deepEqual(Array.from(sums.allOddsPowerSums()), Array.from(plain.sums), `case ${c}`);
  }
});

test('a settle through one memo leaves validators of one stake and one history on one row of sums', () => {
  const n = 3000;
  const sums = new ExactWinSums(n);
  const add = (rounds: number, members: number[]) => {
    const repeated = sums.repeatedSums();
    for (const v of members) sums.addRounds(v, (1 + (v % 3)) / 10_000, rounds, 0, repeated);
  };
  const everyone = Array.from({ length: n }, (_, v) => v);
  add(100, everyone);
  assert.equal(sums.rowsOfSums, 3);
  // Half of them in 50 more rounds: two histories per stake; the old rows are let go.
  add(50, everyone.filter((v) => v % 2 === 0));
  assert.equal(sums.rowsOfSums, 6);
  // The other half catches up in a pass of its own: equal sums again, but made apart, on rows
  // of their own (a memo is looked up by the row before); the next pass keeps them apart.
  add(50, everyone.filter((v) => v % 2 === 1));
  assert.equal(sums.rowsOfSums, 6);
  add(10, everyone);
  assert.equal(sums.rowsOfSums, 6);
  assert.deepEqual(sums.oddsPowerSumsOf(0), sums.oddsPowerSumsOf(3));
  // One round at a time, through a memo: still one row per stake and history.
  for (let round = 0; round < 5; round++) add(1, everyone);
  assert.equal(sums.rowsOfSums, 6);
});
