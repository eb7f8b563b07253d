import { assertBetaBinomialParameters } from './assertBetaBinomialParameters.js';

/**
 * Mean and variance of the beta-binomial distribution:
 * mean = nα/(α+β), variance = nαβ(α+β+n) / ((α+β)²(α+β+1)). The variance
 * exceeds the binomial's np(1-p) by the factor (α+β+n)/(α+β+1): the
 * rich-get-richer spread of a Pólya urn.
 *
 * @param n number of trials, an integer >= 0
 * @param alpha first shape parameter, > 0
 * @param beta second shape parameter, > 0
 * @returns `{ mean, variance }`
 * @throws {Error} if a parameter is out of range
 * @example
 * betaBinomialMeanVariance(10, 2, 3); // => { mean: 4, variance: 6 }
 */
export function betaBinomialMeanVariance(
  n: number,
  alpha: number,
  beta: number,
): { readonly mean: number; readonly variance: number } {
  assertBetaBinomialParameters(n, alpha, beta, 'betaBinomialMeanVariance');
  const shapeSum = alpha + beta;
  return {
    mean: (n * alpha) / shapeSum,
    variance: (n * alpha * beta * (shapeSum + n)) / (shapeSum * shapeSum * (shapeSum + 1)),
  };
}
