import seedrandom from 'seedrandom';

/**
 * A seeded stream of random numbers. Every random draw in pos-sim comes from one of
 * these, derived from the run seed and a purpose path (see {@link deriveStream}),
 * so that adding a validator or a feature does not shift another stream's draws.
 */
export interface RandomStream {
  /** Uniform integer in [0, 2^32). */
  nextUint32(): number;
  /** Uniform double in [0, 1) with 53 random bits. */
  nextDouble(): number;
  /**
   * Unbiased uniform integer in [0, n), by rejection sampling.
   * @throws if n is not an integer in [1, 2^53]
   */
  nextIntBelow(n: number): number;
}

const TWO_POW_32 = 4294967296;
const TWO_POW_53 = 9007199254740992;

/**
 * The stream for one purpose, e.g. `deriveStream(42, 'lottery')` or
 * `deriveStream(42, 'client', 'whale-3')`. Same seed and path, same draws.
 * The generator is seedrandom's tychei (small state, so one per validator is cheap).
 */
export function deriveStream(seed: number, ...path: readonly string[]): RandomStream {
  const prng = seedrandom.tychei(`pos-sim/${seed}/${path.join('/')}`);
  return streamFromUint32(() => prng.int32() >>> 0);
}

/** Wraps any source of uniform 32-bit integers (tests use this to inject sequences). */
export function streamFromUint32(nextUint32: () => number): RandomStream {
  const next53 = (): number => (nextUint32() >>> 11) * TWO_POW_32 + nextUint32();
  return {
    nextUint32,
    nextDouble: () => next53() / TWO_POW_53,
    nextIntBelow(n: number): number {
      if (!Number.isInteger(n) || n < 1 || n > TWO_POW_53) {
        throw new RangeError(`nextIntBelow: n must be an integer in [1, 2^53], got ${n}`);
      }
      if (n <= TWO_POW_32) {
        // Largest multiple of n below 2^32: values at or above it would favour small results.
        const limit = TWO_POW_32 - (TWO_POW_32 % n);
        for (;;) {
          const u = nextUint32();
          if (u < limit) return u % n;
        }
      }
      const limit = TWO_POW_53 - (TWO_POW_53 % n);
      for (;;) {
        const x = next53();
        if (x < limit) return x % n;
      }
    },
  };
}
