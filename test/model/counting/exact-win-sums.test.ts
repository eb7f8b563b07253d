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
    assert.deepEqual(Array.from(batch.oddsPowerSums), Array.from(once.oddsPowerSums), `case ${c}: p=${p}, k=${k}`);
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
