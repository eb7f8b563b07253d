/**
 * The concentration metrics written holder by holder, straight from their
 * definitions over the amounts sorted largest first: the test oracle for src/stats,
 * which computes each metric once per distinct amount instead (see holdings.ts).
 * Same conventions: all zeros read as equal holdings. Agreement is up to the rounding
 * of the different summation order.
 */
export function perHolderConcentration(amounts: readonly number[]) {
  const rawTotal = amounts.reduce((a, b) => a + b, 0);
  const descending = rawTotal === 0 ? amounts.map(() => 1) : [...amounts].sort((a, b) => b - a);
  const total = rawTotal === 0 ? amounts.length : rawTotal;
  const n = descending.length;
  const mean = total / n;
  let weighted = 0;
  let sumOfSquares = 0;
  let entropy = 0;
  let theil = 0;
  descending.forEach((amount, i) => {
    weighted += (n - 1 - 2 * i) * amount;
    const share = amount / total;
    sumOfSquares += share * share;
    if (amount > 0) {
      entropy -= share * Math.log2(share);
      theil += (amount / mean) * Math.log(amount / mean);
    }
  });
  const nakamoto = (threshold: number) => {
    let combined = 0;
    for (let i = 0; i < n; i++) {
      combined += descending[i] as number;
      if (combined / total > threshold) return i + 1;
    }
    return n;
  };
  const topK = (k: number) => (k >= n ? 1 : descending.slice(0, k).reduce((a, b) => a + b, 0) / total);
  return {
    holders: n,
    gini: Math.max(0, weighted / (n * total)),
    herfindahlHirschman: sumOfSquares,
    nakamoto50: nakamoto(1 / 2),
    nakamoto33: nakamoto(1 / 3),
    top1Share: topK(1),
    top10Share: topK(10),
    shannonEntropyBits: Math.max(0, entropy),
    theilIndex: Math.max(0, theil / n),
  };
}
