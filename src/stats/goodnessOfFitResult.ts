/** Result of a goodness-of-fit test after pooling small categories. */
export interface GoodnessOfFitResult {
  /** The test statistic (Pearson's X² or the G statistic). */
  readonly statistic: number;
  /** bins - 1 (the expected counts are fully specified, nothing estimated). */
  readonly degreesOfFreedom: number;
  /** Upper-tail chi-square probability of `statistic`. */
  readonly pValue: number;
  /** Number of bins tested, after pooling. */
  readonly bins: number;
  /** Number of input categories pooled because their expected count was small. */
  readonly pooledCategories: number;
}
