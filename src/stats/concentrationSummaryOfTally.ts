import type { ConcentrationSummary } from './concentrationSummary.js';
import type { Tally } from './tally.js';

/**
 * {@link concentrationSummary} of the amounts a tally stands for, in O(distinct
 * amounts) instead of O(holders): each metric's sum over holders becomes a sum over
 * runs of equal amounts. The definitions are those of the per-metric functions (all
 * zero amounts read as equal holdings); results agree with them up to the rounding of
 * the different summation order.
 *
 * @param tally distinct amounts largest first with their holder counts (see `tallyOf`)
 * @throws {Error} if the tally is empty, unsorted, or has a count that is not a positive integer
 * @example
 * concentrationSummaryOfTally({ amounts: [1], holders: [4] });
 * // => { holders: 4, gini: 0, herfindahlHirschman: 0.25, nakamoto50: 3, nakamoto33: 2,
 * //      top1Share: 0.25, top10Share: 1, shannonEntropyBits: 2, theilIndex: 0 }
 */
export function concentrationSummaryOfTally(tally: Tally): ConcentrationSummary {
  checkTally(tally);
  let n = 0;
  let total = 0;
  tally.amounts.forEach((amount, i) => {
    const h = tally.holders[i] as number;
    n += h;
    total += amount * h;
  });
  // All zero: read as equal holdings, as toHoldings does.
  const { amounts, holders } = total === 0 ? { amounts: [1], holders: [n] } : tally;
  if (total === 0) total = n;
  const mean = total / n;
  let weighted = 0;
  let sumOfSquares = 0;
  let entropy = 0;
  let theil = 0;
  let before = 0; // holders in the runs before this one
  let combined = 0; // their amounts
  let nakamoto50 = 0;
  let nakamoto33 = 0;
  let top1 = 0;
  let top10 = 0;
  for (let r = 0; r < amounts.length; r++) {
    const amount = amounts[r] as number;
    const h = holders[r] as number;
    // Gini weights n - 1 - 2i for the i-th holder (0-based), summed over the run.
    weighted += amount * h * (n - 2 * before - h);
    const share = amount / total;
    sumOfSquares += h * share * share;
    if (amount > 0) {
      entropy -= h * share * Math.log2(share);
      const ratio = amount / mean;
      theil += h * ratio * Math.log(ratio);
    }
    if (nakamoto50 === 0) nakamoto50 = crossing(combined, amount, h, total, 1 / 2, before);
    if (nakamoto33 === 0) nakamoto33 = crossing(combined, amount, h, total, 1 / 3, before);
    if (before < 1) top1 += amount * Math.min(h, 1 - before);
    if (before < 10) top10 += amount * Math.min(h, 10 - before);
    before += h;
    combined += amount * h;
  }
  return {
    holders: n,
    gini: Math.max(0, weighted / (n * total)),
    herfindahlHirschman: sumOfSquares,
    nakamoto50: nakamoto50 || n,
    nakamoto33: nakamoto33 || n,
    top1Share: n <= 1 ? 1 : top1 / total,
    top10Share: n <= 10 ? 1 : top10 / total,
    shannonEntropyBits: Math.max(0, entropy),
    theilIndex: Math.max(0, theil / n),
  };
}

/**
 * The Nakamoto count if it falls in this run: the fewest holders whose combined share
 * exceeds `threshold`, given `combined` held by the `before` holders of earlier runs;
 * 0 if the run does not get there.
 */
function crossing(combined: number, amount: number, holders: number, total: number, threshold: number, before: number): number {
  if ((combined + amount * holders) / total <= threshold) return 0;
  // Smallest m in [1, holders] with (combined + m·amount) / total > threshold, by bisection
  // on the same comparison the per-holder walk makes.
  let low = 1;
  let high = holders;
  while (low < high) {
    const mid = Math.floor((low + high) / 2);
    if ((combined + mid * amount) / total > threshold) high = mid;
    else low = mid + 1;
  }
  return before + low;
}

function checkTally(tally: Tally): void {
  const { amounts, holders } = tally;
  if (amounts.length === 0 || amounts.length !== holders.length) {
    throw new Error('concentrationSummaryOfTally: the tally must be non-empty, one holder count per amount');
  }
  amounts.forEach((amount, i) => {
    const h = holders[i] as number;
    if (!Number.isFinite(amount) || amount < 0 || (i > 0 && !(amount < (amounts[i - 1] as number)))) {
      throw new Error(`concentrationSummaryOfTally: amounts must be finite, >= 0 and strictly decreasing; amounts[${i}] = ${amount}`);
    }
    if (!Number.isInteger(h) || h < 1) {
      throw new Error(`concentrationSummaryOfTally: holders[${i}] must be a positive integer, got ${h}`);
    }
  });
}
