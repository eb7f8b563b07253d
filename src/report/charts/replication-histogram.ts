import { betaBinomialMeanVariance, betaBinomialPmf } from '../../stats/index.js';
import type { ReplicationOutcome } from './replication-input.js';
import type { BetaBinomialFit } from './summary-input.js';
import { elementAt } from '../../lists/element-at.js';

/** A histogram bar over final stake share, and the count the closed form expects there (null without one). */
export interface ShareBin {
  readonly start: number;
  readonly end: number;
  readonly count: number;
  readonly expected: number | null;
}

/** Bars: about 1.5 sqrt(replications), within these bounds. */
const MIN_BINS = 8;
const MAX_BINS = 40;
/** The closed form's mass beyond this many sd of the mean is invisible on a count axis. */
const CURVE_SPREAD_SD = 5;
/** A final share and (α + wins)/(α + β + n) agreeing this closely are the same number written twice. */
const SAME_SHARE = 1e-9;

export function binCount(replications: number): number {
  return Math.min(MAX_BINS, Math.max(MIN_BINS, Math.round(1.5 * Math.sqrt(replications))));
}

/**
 * Whether the closed form describes these outcomes. BetaBinomial(n, α, β) is the
 * law of the wins; under constant rewards a series that started with stake a of w
 * and gained r per block ends with share (a + r·wins)/(w + r·n) =
 * (α + wins)/(α + β + n), as α = a/r and β = (w - a)/r. The curve is drawn over
 * final share through that map only when every outcome obeys it.
 */
export function closedFormApplies(outcomes: readonly ReplicationOutcome[], fit: BetaBinomialFit): boolean {
  return outcomes.every(
    (o) => o.rounds === fit.n && Math.abs(shareAfterWins(o.wins, fit) - o.finalShare) <= SAME_SHARE,
  );
}

export function shareAfterWins(wins: number, fit: BetaBinomialFit): number {
  return (fit.alpha + wins) / (fit.alpha + fit.beta + fit.n);
}

/**
 * Histogram of final shares with the closed form's expected count per bar. Bars
 * hold whole numbers of wins (one share step is one more win), so that no bar
 * holds one more possible value than its neighbour; the expected count is the
 * exact pmf summed over the wins a bar holds, times the number of replications.
 */
export function closedFormHistogram(outcomes: readonly ReplicationOutcome[], fit: BetaBinomialFit): ShareBin[] {
  const { mean, variance } = betaBinomialMeanVariance(fit.n, fit.alpha, fit.beta);
  const sd = Math.sqrt(variance);
  const wins = outcomes.map((o) => o.wins);
  const low = Math.max(0, Math.min(Math.floor(mean - CURVE_SPREAD_SD * sd), ...wins));
  const high = Math.min(fit.n, Math.max(Math.ceil(mean + CURVE_SPREAD_SD * sd), ...wins));
  const winsPerBin = Math.max(1, Math.ceil((high - low + 1) / binCount(outcomes.length)));
  const bins: ShareBin[] = [];
  const halfStep = 0.5 / (fit.alpha + fit.beta + fit.n);
  for (let first = low; first <= high; first += winsPerBin) {
    const last = Math.min(high, first + winsPerBin - 1);
    let mass = 0;
    for (let k = first; k <= last; k++) mass += betaBinomialPmf(k, fit.n, fit.alpha, fit.beta);
    bins.push({
      start: shareAfterWins(first, fit) - halfStep,
      end: shareAfterWins(last, fit) + halfStep,
      count: wins.filter((w) => w >= first && w <= last).length,
      expected: mass * outcomes.length,
    });
  }
  return bins;
}

/** Histogram of final shares on round-number bar widths, when no closed form applies. */
export function shareHistogram(outcomes: readonly ReplicationOutcome[]): ShareBin[] {
  const shares = outcomes.map((o) => o.finalShare);
  const lo = Math.min(...shares);
  const hi = Math.max(...shares);
  const width = niceWidth(hi > lo ? (hi - lo) / binCount(shares.length) : Math.max(Math.abs(lo), 1e-6) / 100);
  const start = Math.floor(lo / width) * width;
  const bars = Math.max(1, Math.floor((hi - start) / width) + 1);
  const counts = new Array<number>(bars).fill(0);
  for (const s of shares) {
    const i = Math.min(bars - 1, Math.max(0, Math.floor((s - start) / width)));
    counts[i] = elementAt(counts, i, 'bar') + 1;
  }
  return counts.map((count, i) => ({ start: start + i * width, end: start + (i + 1) * width, count, expected: null }));
}

/** The smallest of 1, 2, 5 × 10^k at least `raw`. */
export function niceWidth(raw: number): number {
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const residual = raw / magnitude;
  return (residual <= 1 ? 1 : residual <= 2 ? 2 : residual <= 5 ? 5 : 10) * magnitude;
}
