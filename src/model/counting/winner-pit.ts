import type { RandomStream } from '../../rng/stream.js';

/** Bins of the PIT histogram: a Kolmogorov-Smirnov statistic read from it is within 1/65,536 of the exact one. */
export const PIT_BINS = 65536;

/**
 * The randomized probability integral transform of each round's winner, kept as a
 * histogram of fixed size (256 KB, whatever the number of rounds).
 *
 * With the pool's tickets in pool order (the order the draw walks), the winner holds
 * the range [before, before + tickets) of the pool's `total`; U = (before + V x
 * tickets) / total, V uniform on [0, 1) from a stream of its own (so no other draw
 * moves). Under a fair lottery, U is Uniform(0, 1) given everything before the round,
 * whatever the pool or the reward rule, so the U of a run are i.i.d. uniform: a test
 * of them is valid when rewards make each round's p depend on earlier wins.
 */
export class WinnerPit {
  readonly histogram = new Uint32Array(PIT_BINS);

  constructor(private readonly stream: RandomStream) {}

  record(before: number, tickets: number, total: number): void {
    const u = (before + this.stream.nextDouble() * tickets) / total;
    const bin = Math.min(PIT_BINS - 1, Math.floor(u * PIT_BINS));
    this.histogram[bin] = (this.histogram[bin] as number) + 1;
  }
}
