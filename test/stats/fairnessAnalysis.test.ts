import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fairnessAnalysis, fairnessAnalysisOfColumns, perRoundChiSquareP, validatorFigures, type FairnessColumns } from '../../src/stats/fairnessAnalysis.js';

const record = (wins: number, expectedWins: number, roundsInPool: number, globalShare: number) => ({
  wins,
  expectedWins,
  winVariance: roundsInPool * (expectedWins / roundsInPool) * (1 - expectedWins / roundsInPool),
  roundsInPool,
  globalShare,
});

test('two validators, 40 rounds, 30 vs 10 wins against 20/20 expected: rejected', () => {
  const a = fairnessAnalysis([record(30, 20, 40, 0.5), record(10, 20, 40, 0.5)], 40);
  // scipy.stats.chisquare([30,10],[20,20]) -> statistic=10.0, pvalue=0.001565402258002549
  assert.equal(a.perRound!.chiSquare.statistic, 10);
  assert.ok(Math.abs(a.perRound!.chiSquare.pValue - 0.001565402258002549) < 1e-12);
  // scipy.stats.power_divergence([30,10],[20,20],lambda_='log-likelihood') -> 10.464962875290956, 0.0012165999233774939
  assert.ok(Math.abs(a.perRound!.gTest.statistic - 10.464962875290956) < 1e-9);
  assert.ok(Math.abs(a.perRound!.gTest.pValue - 0.0012165999233774939) < 1e-12);
  assert.equal(a.perRound!.totalVariation, 0.25);
  assert.equal(a.perRound!.consistent, false);
  assert.match(a.verdict, /^NOT consistent with p = stake \/ pool stake/);
  // z = (30 - 20) / sqrt(40 * 0.25) = 3.1623 (the martingale z); the p-value is the
  // binomial one (no masses given): 2 * scipy.stats.binom.sf(29, 40, 0.5) -> 0.0022214337732293643
  const v = a.validators[0]!;
  assert.ok(Math.abs(v.z - Math.sqrt(10)) < 1e-12);
  assert.ok(Math.abs(v.pValue - 0.0022214337732293643) < 1e-12);
  assert.ok(v.pError < 1e-15, 'equal p every round: the binomial is exact');
  // Holm over two equal p-values: both become 2p.
  assert.ok(Math.abs(v.pHolm - 2 * 0.0022214337732293643) < 1e-12);
  assert.equal(v.winRate, 0.75);
});

test('small expected counts are merged with their neighbours by expected count and the verdict says so', () => {
  // Sorted by expected count 3, 3 | 17 | 20: bins [3, 10, 30] against [6, 17, 20].
  // scipy.stats.chisquare([30,10,3],[20,17,6]) -> statistic=9.382352941176471, pvalue=0.00917588464525434
  const a = fairnessAnalysis([record(30, 20, 43, 0.4), record(10, 17, 43, 0.4), record(2, 3, 43, 0.1), record(1, 3, 43, 0.1)], 43);
  assert.equal(a.perRound!.chiSquare.pooledCategories, 2);
  assert.equal(a.perRound!.chiSquare.bins, 3);
  assert.ok(Math.abs(a.perRound!.chiSquare.statistic - 9.382352941176471) < 1e-12);
  assert.ok(Math.abs(a.perRound!.chiSquare.pValue - 0.00917588464525434) < 1e-12);
  assert.match(a.verdict, /3 bins: validators sorted by expected wins, neighbours merged until each bin expects at least 5 \(2 validators in 1 merged bin\)/);
});

test('1,000 validators expecting 2 wins each get a verdict, and the TVD a fair lottery gives on average', () => {
  // uniform.yaml's shape: 2,000 rounds, p = 0.001 each round; wins 2 each but for a pair off by one.
  const records = Array.from({ length: 1000 }, (_, i) => record(i === 0 ? 3 : i === 1 ? 1 : 2, 2, 2000, 0.001));
  const a = fairnessAnalysis(records, 2000);
  assert.equal(a.perRound!.chiSquare.bins, 333);
  assert.match(a.verdict, /^consistent with/);
  // E|W - 2| for Binomial(2000, 0.001), scipy: 1.08214074422263; E[TVD] = 1000 x that / (2 x 2000)
  assert.ok(Math.abs(a.perRound!.expectedTotalVariation - (1000 * 1.08214074422263) / 4000) < 1e-12);
  assert.equal(a.perRound!.totalVariation, 0.0005);
});

test('the global claim is tested separately from the per-round one', () => {
  // Validator b takes part in half the rounds: per round the wins fit, globally they cannot.
  const a = fairnessAnalysis([record(75, 75, 100, 0.5), record(25, 25, 50, 0.5)], 100);
  assert.equal(a.perRound!.consistent, true);
  assert.match(a.verdict, /^consistent with/);
  assert.equal(a.global!.consistent, false);
  assert.match(a.globalVerdict, /^NOT consistent with the seed's p = stake \/ total stake/);
});

test('too few rounds to test: says so rather than inventing a p-value', () => {
  const a = fairnessAnalysis([record(1, 1 / 3, 1, 1 / 3), record(0, 1 / 3, 1, 1 / 3), record(0, 1 / 3, 1, 1 / 3)], 1);
  assert.equal(a.perRound, null);
  assert.match(a.verdict, /not testable with 1 round/);
});

test('a validator never in a pool gets no rate and is left out of the Holm adjustment', () => {
  const a = fairnessAnalysis([record(10, 10, 10, 0.5), { wins: 0, expectedWins: 0, winVariance: 0, roundsInPool: 0, globalShare: 0.5 }], 10);
  assert.ok(Number.isNaN(a.validators[1]!.winRate));
  assert.equal(a.validators[0]!.pHolm, a.validators[0]!.pValue);
});

test('the columnar form gives the per-validator figures as columns: z = (wins - expected) / sqrt(variance)', () => {
  const a = fairnessAnalysisOfColumns(
    { wins: [30, 10, 0], expectedWins: [20, 20, 0], winVariance: [10, 10, 0], roundsInPool: [40, 40, 0], globalShare: [0.5, 0.5, 0] },
    40,
  );
  assert.ok(a.validators.z instanceof Float64Array);
  assert.ok(Math.abs((a.validators.z[0] as number) - 10 / Math.sqrt(10)) < 1e-12);
  assert.ok(Math.abs((a.validators.z[1] as number) + 10 / Math.sqrt(10)) < 1e-12);
  assert.equal(a.validators.winRate[0], 0.75);
  assert.ok(Number.isNaN(a.validators.pHolm[2]), 'never in a pool: no figures');
  // Chi-square 10 on 1 degree of freedom (the third validator expects nothing).
  assert.ok(Math.abs((a.perRound?.chiSquare.pValue as number) - 0.001565) < 1e-6);
});

test('perRoundChiSquareP: the per-round chi-square p-value alone, null where the analysis has none', () => {
  // scipy.stats.chisquare([30,10],[20,20]) -> pvalue=0.001565402258002549
  assert.ok(Math.abs(perRoundChiSquareP([30, 10], [20, 20])! - 0.001565402258002549) < 1e-12);
  // Pooled: scipy.stats.chisquare([30,10,3],[20,17,6]) -> pvalue=0.00917588464525434
  assert.ok(Math.abs(perRoundChiSquareP(new Float64Array([30, 10, 2, 1]), new Float64Array([20, 17, 3, 3]))! - 0.00917588464525434) < 1e-12);
  // Too few rounds to leave 2 bins, and no wins at all: not testable.
  assert.equal(perRoundChiSquareP([1, 0, 0], [1 / 3, 1 / 3, 1 / 3]), null);
  assert.equal(perRoundChiSquareP([0, 0], [20, 20]), null);
  // The same figure as the whole analysis gives.
  const records = [record(30, 20, 43, 0.4), record(10, 17, 43, 0.4), record(2, 3, 43, 0.1), record(1, 3, 43, 0.1)];
  assert.equal(perRoundChiSquareP(records.map((r) => r.wins), records.map((r) => r.expectedWins)), fairnessAnalysis(records, 43).perRound!.chiSquare.pValue);
});

test('validators with the same inputs get the figures each gets alone, and the deviations sum as they would afresh', () => {
  // Many validators repeating a few (wins, expected, variance, rounds, masses) inputs, some
  // differing from an earlier one in one input only (variance, rounds, wins, or equal
  // masses in another array).
  let x = 12345;
  const random = () => (x = (Math.imul(x, 1103515245) + 12345) >>> 0) / 2 ** 32;
  const sharedMasses = Float64Array.from([0.5, 0.3, 0.15, 0.05]);
  const n = 600;
  const columns = { wins: [] as number[], expectedWins: [] as number[], winVariance: [] as number[], roundsInPool: [] as number[], globalShare: [] as number[] };
  const masses: Array<Float64Array | null> = [];
  for (let i = 0; i < n; i++) {
    const kind = Math.floor(random() * 4);
    columns.wins.push(Math.floor(random() * 4));
    columns.expectedWins.push([0.75, 0.75, 2.5, 0][kind] as number);
    columns.winVariance.push(kind === 1 && random() < 0.5 ? 0.7 : 0.6);
    columns.roundsInPool.push(kind === 3 ? 0 : random() < 0.2 ? 90 : 100);
    columns.globalShare.push([0.001, 0.001, 0.003, 0][kind] as number);
    masses.push(kind === 0 ? sharedMasses : kind === 1 && random() < 0.5 ? Float64Array.from(sharedMasses) : null);
  }
  const figures = (m: number): FairnessColumns => ({
    winRate: new Float64Array(m), expectedRate: new Float64Array(m), wilsonLow: new Float64Array(m), wilsonHigh: new Float64Array(m),
    z: new Float64Array(m), pValue: new Float64Array(m), pError: new Float64Array(m), pHolm: new Float64Array(m),
  });
  const all = figures(n);
  const sums = validatorFigures({ ...columns, exactMasses: (i) => masses[i] ?? null }, 100, all);
  let perRound = 0;
  let global = 0;
  for (let i = 0; i < n; i++) {
    const one = (column: number[]) => [column[i] as number];
    const alone = figures(1);
    const own = validatorFigures(
      { wins: one(columns.wins), expectedWins: one(columns.expectedWins), winVariance: one(columns.winVariance), roundsInPool: one(columns.roundsInPool), globalShare: one(columns.globalShare), exactMasses: () => masses[i] ?? null },
      100,
      alone,
    );
    for (const [key, column] of Object.entries(alone)) assert.equal(all[key as keyof FairnessColumns][i], column[0], `validator ${i}, ${key}`);
    perRound += own.perRound;
    global += own.global;
  }
  assert.deepEqual(sums, { perRound, global });
});
