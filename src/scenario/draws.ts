/**
 * The random values a scenario fixes at resolution: generated stakes and the phase
 * of fixed-interval submissions. Each function takes the stream it draws from, so
 * tests can inject a sequence and compare with a value computed by hand. The exact
 * methods are part of the format (docs/scenarios.md): changing one changes every
 * generated population.
 */
import type { RandomStream } from '../rng/stream.js';
import { MAX_INTEGER } from './schema.js';

/**
 * Uniform integer in [min, max], both inclusive.
 * @example drawUniformInteger(50, 150, stream) is 50 + stream.nextIntBelow(101)
 */
export function drawUniformInteger(min: number, max: number, stream: RandomStream): number {
  return min + stream.nextIntBelow(max - min + 1);
}

/**
 * Pareto by inverse CDF: x = min / U^(1/alpha) with U = 1 - nextDouble(), so U is
 * in (0, 1] and x is finite and >= min; capped at `max` when given. Not rounded.
 */
export function drawPareto(
  params: { readonly min: number; readonly alpha: number; readonly max?: number | undefined },
  stream: RandomStream,
): number {
  const u = 1 - stream.nextDouble();
  const x = params.min / u ** (1 / params.alpha);
  return params.max === undefined ? x : Math.min(x, params.max);
}

/**
 * Standard normal by Box-Muller, cosine branch: u1 = 1 - nextDouble() (in (0, 1],
 * so the logarithm is finite), then u2 = nextDouble(), Z = sqrt(-2 ln u1) cos(2 pi u2).
 * The sine partner is discarded, so every draw takes exactly two doubles.
 */
export function drawStandardNormal(stream: RandomStream): number {
  const u1 = 1 - stream.nextDouble();
  const u2 = stream.nextDouble();
  return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
}

/** Lognormal: exp(ln(median) + sigma * Z), Z from {@link drawStandardNormal}. Not rounded. */
export function drawLognormal(
  params: { readonly median: number; readonly sigma: number },
  stream: RandomStream,
): number {
  return Math.exp(Math.log(params.median) + params.sigma * drawStandardNormal(stream));
}

/**
 * A stake from a continuous draw: floored, at least 1 (a generated validator always
 * holds tickets; a pareto or lognormal draw below 1 would otherwise give 0), at most
 * 2^53 - 1 (a heavy pareto tail can exceed exact integers).
 * @example continuousStake(0.4) === 1; continuousStake(1234.9) === 1234
 */
export function continuousStake(x: number): number {
  return Math.min(MAX_INTEGER, Math.max(1, Math.floor(x)));
}

/** The phase of a fixed-interval submitter: uniform in [0, everyUs) at 1 µs resolution. */
export function drawPhaseUs(everyUs: number, stream: RandomStream): number {
  return stream.nextIntBelow(everyUs);
}
