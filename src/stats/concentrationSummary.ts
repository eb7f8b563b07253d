import { giniOfHoldings } from './gini.js';
import { herfindahlHirschmanOfHoldings } from './herfindahlHirschman.js';
import { toHoldings, type Holdings } from './holdings.js';
import { nakamotoCoefficientOfHoldings } from './nakamotoCoefficient.js';
import { shannonEntropyBitsOfHoldings } from './shannonEntropyBits.js';
import { theilIndexOfHoldings } from './theilIndex.js';
import { topKShareOfHoldings } from './topKShare.js';

/** Every concentration metric of one list of amounts. */
export interface ConcentrationSummary {
  readonly holders: number;
  readonly gini: number;
  readonly herfindahlHirschman: number;
  /** Fewest holders with a combined share > 1/2. */
  readonly nakamoto50: number;
  /** Fewest holders with a combined share > 1/3. */
  readonly nakamoto33: number;
  readonly top1Share: number;
  readonly top10Share: number;
  readonly shannonEntropyBits: number;
  readonly theilIndex: number;
}

/**
 * All concentration metrics at once, checking and sorting the amounts a
 * single time. Each field is what the function of the same name returns;
 * all zeros are read as equal holdings (see `toHoldings`).
 *
 * @param amounts non-negative amounts, one per holder; not modified
 * @returns the summary
 * @throws {Error} if `amounts` is empty or holds a negative or non-finite value
 * @example
 * concentrationSummary([1, 1, 1, 1]);
 * // => { holders: 4, gini: 0, herfindahlHirschman: 0.25, nakamoto50: 3, nakamoto33: 2,
 * //      top1Share: 0.25, top10Share: 1, shannonEntropyBits: 2, theilIndex: 0 }
 */
export function concentrationSummary(amounts: readonly number[]): ConcentrationSummary {
  return concentrationSummaryOfHoldings(toHoldings(amounts, 'concentrationSummary'));
}

/**
 * `concentrationSummary` of holdings made by `toHoldings` or `holdingsOfTally`.
 *
 * @param holdings distinct amounts largest first, their holder counts, n and total
 * @returns the summary
 * @example
 * concentrationSummaryOfHoldings({ amounts: [1], holders: [4], n: 4, total: 4 }).nakamoto50; // => 3
 */
export function concentrationSummaryOfHoldings(holdings: Holdings): ConcentrationSummary {
  return {
    holders: holdings.n,
    gini: giniOfHoldings(holdings),
    herfindahlHirschman: herfindahlHirschmanOfHoldings(holdings),
    nakamoto50: nakamotoCoefficientOfHoldings(holdings, 1 / 2),
    nakamoto33: nakamotoCoefficientOfHoldings(holdings, 1 / 3),
    top1Share: topKShareOfHoldings(holdings, 1),
    top10Share: topKShareOfHoldings(holdings, 10),
    shannonEntropyBits: shannonEntropyBitsOfHoldings(holdings),
    theilIndex: theilIndexOfHoldings(holdings),
  };
}
