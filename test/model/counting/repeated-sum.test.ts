import assert from 'node:assert/strict';
import test from 'node:test';
import { addRepeated } from '../../../src/model/counting/repeated-sum.js';
import { deriveStream } from '../../../src/rng/stream.js';

const loop = (x: number, p: number, k: number) => {
  for (let i = 0; i < k; i++) x += p;
  return x;
};

test('adding p k times in binade steps gives exactly what a loop of additions gives', () => {
  const rng = deriveStream(8, 'test', 'repeated-sum');
  const u = () => rng.nextDouble();
  let compared = 0;
  for (let trial = 0; trial < 20_000; trial++) {
    // Shares of a pool and their p(1 - p), binary fractions, tiny and whole amounts.
    const p = [u(), 1 / (1 + rng.nextIntBelow(100_000)), 100 / (100 * (1 + rng.nextIntBelow(10_000))), u() * 1e-6, 0.5, 1 / 3, 2 ** -rng.nextIntBelow(60), u() * 1e-15][trial % 8] as number;
    const x = [0, u() * 10, u() * 1000, rng.nextIntBelow(100), 2 ** rng.nextIntBelow(20), u() * 1e12][trial % 6] as number;
    const k = rng.nextIntBelow(trial % 10 === 0 ? 50_000 : 300);
    assert.equal(addRepeated(x, p, k), loop(x, p, k), `x ${x}, p ${p}, k ${k}`);
    compared++;
  }
  assert.equal(compared, 20_000);
});

test('sums that cross a power of two, from just below it, match the loop step for step', () => {
  const rng = deriveStream(9, 'test', 'repeated-sum-crossing');
  for (let trial = 0; trial < 20_000; trial++) {
    const top = 2 ** (rng.nextIntBelow(40) - 10);
    const ulp = top * 2 ** -53;
    const x = top - ulp * (1 + rng.nextIntBelow(1000)) * (rng.nextIntBelow(2) === 0 ? 1 : 2 ** rng.nextIntBelow(30));
    const p = ulp * (0.3 + rng.nextIntBelow(5000) + rng.nextDouble());
    for (const k of [1, 2, 5, 1 + rng.nextIntBelow(2000)]) assert.equal(addRepeated(x, p, k), loop(x, p, k), `x ${x}, p ${p}, k ${k}`);
  }
});

test('ties (p exactly half an ulp of x, or an odd number of halves) round as the loop does', () => {
  // 1 + 2^-53 is a tie that rounds back to 1 (even); 1 + 3·2^-53 rounds up to 1 + 2^-51.
  for (const [x, p] of [[1, 2 ** -53], [1, 3 * 2 ** -53], [1 + 2 ** -52, 2 ** -53], [3, 2 ** -52], [2 ** 52, 0.5]] as const) {
    for (const k of [1, 2, 3, 10, 1000]) assert.equal(addRepeated(x, p, k), loop(x, p, k), `x ${x}, p ${p}, k ${k}`);
  }
});

test('edge cases: nothing to add, p below half an ulp, and amounts a step cannot handle', () => {
  assert.equal(addRepeated(5, 0.1, 0), 5);
  assert.equal(addRepeated(2 ** 60, 1, 1000), 2 ** 60);
  assert.equal(addRepeated(0, 2 ** -1074, 7), loop(0, 2 ** -1074, 7));
  assert.equal(addRepeated(-1, 0.25, 9), loop(-1, 0.25, 9));
});
