export { wilsonInterval, type ProportionInterval } from './wilsonInterval.js';
export { twoSidedNormalPValue } from './twoSidedNormalPValue.js';
export { winZScore } from './winZScore.js';
export { holmAdjust } from './holmAdjust.js';
export { ascendingOrder } from './ascendingOrder.js';
export { descendingOrder } from './descendingOrder.js';
export { binomialTwoSidedPValue } from './binomialTwoSidedPValue.js';
export { binomialPmf } from './binomialPmf.js';
export { binomialApproximationBound } from './binomialApproximationBound.js';
export { oddsPowerSumsPmf } from './oddsPowerSumsPmf.js';
export { poissonBinomialMasses } from './poissonBinomialMasses.js';
export { poissonBinomialPmf } from './poissonBinomialPmf.js';
export { pmfTwoSidedPValue } from './pmfTwoSidedPValue.js';
export { expectedAbsoluteDeviation } from './expectedAbsoluteDeviation.js';
export { poolByExpectedOrder, type OrderedBins } from './poolByExpectedOrder.js';
export { kolmogorovPValue } from './kolmogorovPValue.js';
export { uniformHistogramTests, type UniformHistogramTests } from './uniformHistogramTests.js';
export { winnerPitAnalysis, type WinnerPitAnalysis } from './winnerPitAnalysis.js';
export { chiSquarePValue } from './chiSquarePValue.js';
export { poolSmallExpected, type GoodnessOfFitOptions, type PooledBins } from './poolSmallExpected.js';
export { chiSquareDistributedResult, type GoodnessOfFitResult } from './goodnessOfFitResult.js';
export { chiSquareGoodnessOfFit } from './chiSquareGoodnessOfFit.js';
export { gTestGoodnessOfFit } from './gTestGoodnessOfFit.js';
export { totalVariationDistance } from './totalVariationDistance.js';
export { toHoldings, holdingsOfTally, type Holdings } from './holdings.js';
export { gini, giniOfHoldings } from './gini.js';
export { herfindahlHirschman, herfindahlHirschmanOfHoldings } from './herfindahlHirschman.js';
export { nakamotoCoefficient, nakamotoCoefficientOfHoldings } from './nakamotoCoefficient.js';
export { topKShare, topKShareOfHoldings } from './topKShare.js';
export { shannonEntropyBits, shannonEntropyBitsOfHoldings } from './shannonEntropyBits.js';
export { theilIndex, theilIndexOfHoldings } from './theilIndex.js';
export { concentrationSummary, concentrationSummaryOfHoldings, type ConcentrationSummary } from './concentrationSummary.js';
export { concentrationSummaryOfTally } from './concentrationSummaryOfTally.js';
export { tallyOf, type Tally } from './tally.js';
export { betaBinomialPmf } from './betaBinomialPmf.js';
export { betaBinomialMeanVariance } from './betaBinomialMeanVariance.js';
export {
  fairnessAnalysis,
  fairnessAnalysisOfColumns,
  perRoundChiSquareP,
  validatorFigures,
  type ColumnFairnessAnalysis,
  type FairnessAnalysis,
  type FairnessColumns,
  type ValidatorColumns,
  type ValidatorFairness,
  type ValidatorRecord,
  type GoodnessOfFit,
} from './fairnessAnalysis.js';
export { meanConfidenceInterval, type MeanInterval } from './meanConfidenceInterval.js';
