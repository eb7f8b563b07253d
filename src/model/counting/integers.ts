/** gcd(a, b) of non-negative integers (Euclid). */
export function greatestCommonDivisor(a: number, b: number): number {
  while (b !== 0) [a, b] = [b, a % b];
  return a;
}

/**
 * Characters of `${n}` (and of Python's `str(n)`) for a safe integer, without making
 * the string: a string per round for a count of its characters filled V8's
 * number-to-string cache with strings that lived on as garbage in the old heap.
 */
export function decimalLength(n: number): number {
  const rest = Math.abs(n);
  let length = n < 0 ? 2 : 1;
  // Powers of ten stay exact up to 10^16, past every safe integer.
  for (let power = 10; power <= rest; power *= 10) length++;
  return length;
}
