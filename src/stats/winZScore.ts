/**
 * Standardised distance of a validator's win count from its expectation:
 * z = (wins - expected) / sqrt(variance), where over the rounds played
 * expected = Σ p and variance = Σ p(1 - p) (a Poisson-binomial count).
 *
 * When `variance` is 0 every round's outcome was certain (each p is 0 or 1),
 * so the win count is determined: z is 0 if `wins` equals `expected` and
 * +Infinity or -Infinity otherwise (an impossible outcome under the model,
 * whose two-sided p-value is then 0).
 *
 * @param wins the observed number of wins
 * @param expected the expected number of wins, Σ p
 * @param variance the variance of the win count, Σ p(1 - p), >= 0
 * @returns the z-score
 * @throws {Error} if an argument is not finite or `variance` is negative
 * @example
 * winZScore(130, 100, 90); // => 3.162277660168379
 */
export function winZScore(wins: number, expected: number, variance: number): number {
  if (!Number.isFinite(wins) || !Number.isFinite(expected)) {
    throw new Error(`winZScore: wins and expected must be finite, got ${wins} and ${expected}`);
  }
  if (!Number.isFinite(variance) || variance < 0) {
    throw new Error(`winZScore: variance must be a finite number >= 0, got ${variance}`);
  }
  const difference = wins - expected;
  if (variance === 0) {
    return difference === 0 ? 0 : Math.sign(difference) * Infinity;
  }
  return difference / Math.sqrt(variance);
}
