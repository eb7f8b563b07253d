/**
 * One plain sentence on a fairness test's p-value at significance `alpha`.
 * The null hypothesis is that each validator wins with probability
 * stake / pool stake; it is rejected when p <= alpha.
 *
 * @param pValue the test's p-value, in [0, 1]
 * @param alpha significance level, in (0, 1); 0.01 by default
 * @returns the verdict sentence
 * @throws {Error} if `pValue` is not in [0, 1] or `alpha` not in (0, 1)
 * @example
 * fairnessVerdict(0.4237);
 * // => 'Consistent with a fair lottery: p = 0.424 > 0.01, so the wins do not differ from stake shares more than chance allows.'
 */
export function fairnessVerdict(pValue: number, alpha = 0.01): string {
  if (!(pValue >= 0 && pValue <= 1)) {
    throw new Error(`fairnessVerdict: pValue must be in [0, 1], got ${pValue}`);
  }
  if (!(alpha > 0 && alpha < 1)) {
    throw new Error(`fairnessVerdict: alpha must be in (0, 1), got ${alpha}`);
  }
  const p = pValue < 1e-3 && pValue > 0 ? pValue.toExponential(2) : String(Number(pValue.toPrecision(3)));
  if (pValue <= alpha) {
    return `Not a fair lottery at the ${alpha} level: p = ${p} <= ${alpha}, so the wins differ from stake shares more than chance allows.`;
  }
  return `Consistent with a fair lottery: p = ${p} > ${alpha}, so the wins do not differ from stake shares more than chance allows.`;
}
