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
 * without making the stream: seedrandom's tychei seeding and steps, on a state of four
 * integers. A scenario draws one phase per validator this way, and at a million
 * validators the generator objects and closures of a million streams were about 1.5 s
 * of CPU and much garbage. A test compares it with deriveStream on random keys.
 * @throws if n is not an integer in [1, 2^32]
 */
export function firstIntBelow(n: number, seed: number, ...path: readonly string[]): number {
  checkBound(n);
  const state = seededState(streamKey(seed, path));
  return firstDrawBelow(state, n);
}

/**
 * {@link firstIntBelow} of `(seed, ...path, prefix + k)` for many whole numbers k (a
 * validator id `name-k` as the last part of the path): the key's common start is
 * seeded once, and only the digits of k each time, with no key string made. At a
 * million validators the keys and their seeding were a fifth of resolving.
 */
export class FirstIntsBelow {
  private readonly prefixState: Int32Array;
  private readonly state = new Int32Array(4);
  private readonly digits = new Uint8Array(16);

  constructor(seed: number, path: readonly string[], prefix: string) {
    this.prefixState = seededState(streamKey(seed, [...path, prefix]));
  }

  /** `firstIntBelow(n, seed, ...path, prefix + k)`. @throws if n is not an integer in [1, 2^32], or k not a safe whole number */
  of(n: number, k: number): number {
    checkBound(n);
    if (!(Number.isSafeInteger(k) && k >= 0)) throw new RangeError(`FirstIntsBelow: k must be a safe whole number, got ${k}`);
    const state = this.state;
    state.set(this.prefixState);
    let count = 0;
    let rest = k;
    do {
      this.digits[count++] = 48 + (rest % 10);
      rest = Math.floor(rest / 10);
    } while (rest > 0);
    while (count > 0) seedChar(state, this.digits[--count] as number);
    return firstDrawBelow(state, n);
  }
}

function checkBound(n: number): void {
  if (!Number.isInteger(n) || n < 1 || n > TWO_POW_32) {
    throw new RangeError(`firstIntBelow: n must be an integer in [1, 2^32], got ${n}`);
  }
}

/** tychei's state (a, b, c, d) after taking the key's characters: its initial state, then each character into b, and a step. */
function seededState(key: string): Int32Array {
  const state = Int32Array.of(0, 0, 2654435769 | 0, 1367130551);
  for (let k = 0; k < key.length; k++) seedChar(state, key.charCodeAt(k));
  return state;
}

function seedChar(state: Int32Array, code: number): void {
  state[1] = (state[1] as number) ^ code;
  tycheiStep(state);
}

/** The rest of tychei's string seeding (20 steps past the key's end), then draws until one is below the largest multiple of n. */
function firstDrawBelow(state: Int32Array, n: number): number {
  for (let k = 0; k < 20; k++) tycheiStep(state);
  const limit = TWO_POW_32 - (TWO_POW_32 % n);
  for (;;) {
    tycheiStep(state);
    const u = (state[0] as number) >>> 0;
    if (u < limit) return u % n;
  }
}

/** One tychei step (seedrandom's XorGen.next). */
function tycheiStep(state: Int32Array): void {
  let a = state[0] as number;
  let b = state[1] as number;
  let c = state[2] as number;
  let d = state[3] as number;
  b = (b << 25) ^ (b >>> 7) ^ c;
  c = (c - d) | 0;
  d = (d << 24) ^ (d >>> 8) ^ a;
  a = (a - b) | 0;
  b = (b << 20) ^ (b >>> 12) ^ c;
  c = (c - d) | 0;
  d = (d << 16) ^ (c >>> 16) ^ a;
  a = (a - b) | 0;
  state[0] = a;
  state[1] = b;
  state[2] = c;
  state[3] = d;
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
