import { test } from 'node:test';
import assert from 'node:assert/strict';
import { streamFromUint32 } from '../../src/rng/stream.js';
import {
  continuousStake,
  drawLognormal,
  drawPareto,
  drawPhaseUs,
  drawStandardNormal,
  drawUniformInteger,
} from '../../src/scenario/draws.js';

/**
 * A stream whose nextDouble() returns the given doubles. Each must be k / 2^21 so
 * that it fits the high word: nextDouble = ((hi >>> 11) * 2^32 + lo) / 2^53.
 */
function doubles(...values: number[]) {
  const words = values.flatMap((d) => [d * 2 ** 32, 0]);
  return streamFromUint32(() => {
    const word = words.shift();
    if (word === undefined) throw new Error('test stream exhausted');
    return word;
  });
}

test('the injected stream yields the doubles asked for', () => {
  const s = doubles(0.25, 0.5);
  assert.equal(s.nextDouble(), 0.25);
  assert.equal(s.nextDouble(), 0.5);
});

test('pareto: x = min / U^(1/alpha) with U = 1 - nextDouble(), capped at max', () => {
  // nextDouble 0.25 -> U = 0.75; 100 / 0.75^(1/2) = 115.470..., floored to 115.
  assert.equal(continuousStake(drawPareto({ min: 100, alpha: 2 }, doubles(0.25))), 115);
  assert.equal(drawPareto({ min: 100, alpha: 2, max: 110 }, doubles(0.25)), 110);
  // nextDouble 0 -> U = 1 -> exactly min.
  assert.equal(drawPareto({ min: 100, alpha: 2 }, doubles(0)), 100);
});

test('lognormal: exp(ln(median) + sigma * Z), Z by Box-Muller cosine branch', () => {
  // u1 = 1 - 0.5 = 0.5, u2 = 0.5: Z = sqrt(-2 ln 0.5) * cos(pi) = -1.17741...
  assert.ok(Math.abs(drawStandardNormal(doubles(0.5, 0.5)) + 1.1774100225154747) < 1e-15);
  // 1000 * exp(-0.5 * 1.17741) = 555.045..., floored to 555.
  assert.equal(continuousStake(drawLognormal({ median: 1000, sigma: 0.5 }, doubles(0.5, 0.5))), 555);
  // u2 = 0: cos(0) = 1, 1000 * exp(0.5 * 1.17741) = 1801.65...
  assert.equal(continuousStake(drawLognormal({ median: 1000, sigma: 0.5 }, doubles(0.5, 0))), 1801);
});

test('continuous stakes are floored, at least 1, at most 2^53 - 1', () => {
  assert.equal(continuousStake(0.3), 1);
  assert.equal(continuousStake(7.99), 7);
  assert.equal(continuousStake(1e300), Number.MAX_SAFE_INTEGER);
});

test('uniform integers and phases use nextIntBelow', () => {
  // nextIntBelow(101) with 32-bit word 205 -> 205 % 101 = 3.
  assert.equal(drawUniformInteger(50, 150, streamFromUint32(() => 205)), 53);
  assert.equal(drawPhaseUs(10_000_000, streamFromUint32(() => 12_345_678)), 2_345_678);
});
