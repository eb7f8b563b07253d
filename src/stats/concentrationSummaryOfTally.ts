import { concentrationSummaryOfHoldings, type ConcentrationSummary } from './concentrationSummary.js';
import { holdingsOfTally } from './holdings.js';
import type { Tally } from './tally.js';

/**
 * {@link concentrationSummary} of the amounts a tally stands for, without the list:
 * for callers that keep counts of amounts (how many validators have won k blocks).
 *
 * @param tally distinct amounts largest first with their holder counts (see `tallyOf`)
 * @throws {Error} if the tally is empty, unsorted, or has a count that is not a positive integer
 * @example
 * concentrationSummaryOfTally({ amounts: [1], holders: [4] });
 * // => { holders: 4, gini: 0, herfindahlHirschman: 0.25, nakamoto50: 3, nakamoto33: 2,
 * //      top1Share: 0.25, top10Share: 1, shannonEntropyBits: 2, theilIndex: 0 }
 */
export function concentrationSummaryOfTally(tally: Tally): ConcentrationSummary {
  return concentrationSummaryOfHoldings(holdingsOfTally(tally, 'concentrationSummaryOfTally'));
}
