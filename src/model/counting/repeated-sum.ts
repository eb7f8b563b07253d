/** Below this, ulps are not a fixed fraction of the value (subnormals): add one at a time. */
const SMALLEST_NORMAL = 2 ** -1022;
const FEW = 16;

/**
 * `x + p` added `k` times in floating point, exactly as a loop of `x += p` would give
 * it (bit for bit), in a few steps per power of two crossed instead of k.
 *
 * While x stays in one binade [top/2, top), every sum x + p is rounded to the grid
 * of multiples of the binade's ulp u, and x is on that grid; so each step adds the
 * same d = p rounded to a multiple of u, unless p/u is exactly half-way between two
 * multiples (a tie, where the rounding depends on x's last bit: done one step at a
 * time). Steps are taken d at a time while x + p stays clear of top, then one real
 * addition crosses into the next binade.
 * @param p the amount added each time (> 0)
 */
export function addRepeated(x: number, p: number, k: number): number {
  // A few additions cost less than finding the binade (rewards change p every round: k = 1).
  if (k <= FEW) return addOneByOne(x, p, k);
  if (!(p >= SMALLEST_NORMAL && p < Infinity) || !(x >= 0 && x < Infinity)) return addOneByOne(x, p, k);
  if (x === 0) {
    x = p;
    k--;
  }
  // top: the power of two above x, so x is in [top/2, top); u: the ulp there.
  let top = 2 ** Math.ceil(Math.log2(x));
  while (top / 2 > x) top /= 2;
  while (top <= x) top *= 2;
  let u = top * 2 ** -53;
  while (k > 0) {
    while (x >= top) {
      top *= 2;
      u *= 2;
    }
    const q = p / u; // exact: u is a power of two
    const whole = Math.floor(q);
    const fraction = q - whole;
    if (fraction === 0.5) {
      x += p;
      k--;
      continue;
    }
    const d = (fraction < 0.5 ? whole : whole + 1) * u;
    if (d === 0) return x; // p is under half an ulp: no step changes x
    // Steps from x + j·d with j < n leave x + p a whole ulp below top (the -1 absorbs rounding in the bound).
    const n = Math.min(k, Math.max(0, Math.floor((top - u - p - x) / d) - 1));
    x += n * d;
    k -= n;
    if (k > 0) {
      x += p;
      k--;
    }
  }
  return x;
}

function addOneByOne(x: number, p: number, k: number): number {
  for (let i = 0; i < k; i++) x += p;
  return x;
}
