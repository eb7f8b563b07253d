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
  const prng = seedrandom.tychei(streamKey(seed, path));
  return streamFromUint32(() => prng.int32() >>> 0);
}

function streamKey(seed: number, path: readonly string[]): string {
  return `pos-sim/${seed}/${path.join('/')}`;
}

/**
 * `deriveStream(seed, ...path).nextIntBelow(n)`, the first draw of a fresh stream,
 * without making the stream: seedrandom's tychei seeding and steps, inlined on local
 * integers. A scenario draws one phase per validator this way, and at a million
 * validators the generator objects and closures of a million streams were about 1.5 s
 * of CPU and much garbage. A test compares it with deriveStream on random keys.
 * @throws if n is not an integer in [1, 2^32]
 */
export function firstIntBelow(n: number, seed: number, ...path: readonly string[]): number {
  if (!Number.isInteger(n) || n < 1 || n > TWO_POW_32) {
    throw new RangeError(`firstIntBelow: n must be an integer in [1, 2^32], got ${n}`);
  }
  const key = streamKey(seed, path);
  // tychei's initial state, then its string seeding: each character (0 past the end) into b, and a step.
  let a = 0;
  let b = 0;
  let c = 2654435769 | 0;
  let d = 1367130551;
  const limit = TWO_POW_32 - (TWO_POW_32 % n);
  for (let k = 0, steps = key.length + 20; ; k++) {
    if (k < steps) b ^= k < key.length ? key.charCodeAt(k) : 0;
    // One tychei step (seedrandom's XorGen.next).
    b = (b << 25) ^ (b >>> 7) ^ c;
    c = (c - d) | 0;
    d = (d << 24) ^ (d >>> 8) ^ a;
    a = (a - b) | 0;
    b = (b << 20) ^ (b >>> 12) ^ c;
    c = (c - d) | 0;
    d = (d << 16) ^ (c >>> 16) ^ a;
    a = (a - b) | 0;
    if (k >= steps) {
      const u = a >>> 0;
      if (u < limit) return u % n;
    }
  }
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
