/** P(W = k) of a sum of independent Bernoulli(p), by convolving one round at a time: the plain reference. */
export function bruteForcePoissonBinomial(ps: readonly number[]): number[] {
  let masses = [1];
  for (const p of ps) {
    const next = new Array<number>(masses.length + 1).fill(0);
    masses.forEach((m, k) => {
      next[k] = (next[k] as number) + m * (1 - p);
      next[k + 1] = (next[k + 1] as number) + m * p;
    });
    masses = next;
  }
  return masses;
}

/** The odds power sums P_1..P_J of the rounds `ps`, as the model keeps them. */
export function oddsPowerSumsOf(ps: readonly number[], J: number): number[] {
  const sums = new Array<number>(J).fill(0);
  for (const p of ps) {
    const r = p / (1 - p);
    let x = r;
    for (let j = 0; j < J; j++) {
      sums[j] = (sums[j] as number) + x;
      x *= r;
    }
  }
  return sums;
}
