/**
 * Reference lists for the concentration metrics. Values were computed once in
 * Python/numpy straight from the definitions (O(n²) Gini, no sorting):
 *   x = np.array(x, float); n = len(x); s = x / x.sum()
 *   gini = np.abs(x[:, None] - x[None, :]).sum() / (2 * n * n * x.mean())
 *   hhi = (s * s).sum(); H = -(s[s > 0] * np.log2(s[s > 0])).sum()
 *   r = x / x.mean(); theil = (r[r > 0] * np.log(r[r > 0])).sum() / n
 * and agree with the brief's rounded values (Gini 0.26667, HHI 0.24444,
 * entropy 2.1493 bits, Theil 0.11969; Gini 0.67792, HHI 0.4073).
 */
export const ONE_TO_FIVE = Object.freeze([1, 2, 3, 4, 5]);
export const EQUAL_FOUR = Object.freeze([1, 1, 1, 1]);
export const SKEWED_EIGHT = Object.freeze([368, 156, 20, 7, 10, 49, 22, 1]);
