/** gcd(a, b) of non-negative integers (Euclid). */
export function greatestCommonDivisor(a: number, b: number): number {
  while (b !== 0) [a, b] = [b, a % b];
  return a;
}
