/**
 * Checks the parameters of a beta-binomial distribution.
 *
 * @param n number of trials, an integer >= 0
 * @param alpha first shape parameter, finite and > 0
 * @param beta second shape parameter, finite and > 0
 * @param caller name of the public function, so the error names it
 * @throws {Error} if a parameter is out of range
 * @example
 * assertBetaBinomialParameters(10, 2, 3, 'betaBinomialPmf'); // => undefined
 */
export function assertBetaBinomialParameters(n: number, alpha: number, beta: number, caller: string): void {
  if (!Number.isSafeInteger(n) || n < 0) {
    throw new Error(`${caller}: n must be an integer >= 0, got ${n}`);
  }
  if (!(Number.isFinite(alpha) && alpha > 0)) {
    throw new Error(`${caller}: alpha must be a finite number > 0, got ${alpha}`);
  }
  if (!(Number.isFinite(beta) && beta > 0)) {
    throw new Error(`${caller}: beta must be a finite number > 0, got ${beta}`);
  }
}
