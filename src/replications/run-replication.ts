import { ModelRun, type ModelResult } from '../model/run.js';
import type { TrackedSeries } from '../scenario/tracked-series.js';
import type { ResolvedScenario } from '../scenario/types.js';
import { concentrationSummary, perRoundChiSquareP, uniformHistogramTests } from '../stats/index.js';
import { replicationSeed } from './replication-seed.js';
import { elementAt } from '../lists/element-at.js';

/** One tracked series at the end of one replication. */
export interface SeriesOutcome {
  readonly name: string;
  readonly initialStake: number;
  readonly initialStakeShare: number;
  readonly finalStakeShare: number;
  readonly wins: number;
  readonly winShare: number;
}

/** What one replication contributes: plain data, so it can cross a worker boundary. */
export interface ReplicationOutcome {
  readonly replication: number;
  readonly seed: number;
  readonly rounds: number;
  readonly stopReason: string;
  /** Every validator had a block in every round's pool (needed for the closed form). */
  readonly fullParticipation: boolean;
  readonly initialTotalStake: number;
  readonly series: readonly SeriesOutcome[];
  readonly stakeGini: number;
  readonly stakeHerfindahlHirschman: number;
  readonly stakeNakamoto50: number;
  /** Chi-square p-value of wins against p = stake / pool stake (null: too few rounds). */
  readonly chiSquareP: number | null;
  /** KS p-value of the winner PITs (the test valid under any reward rule; see WinnerPit). */
  readonly pitP: number;
}

/**
 * Runs replication k of a scenario. The population (stakes, phases) is the one the
 * scenario resolved from the run seed, the same in every replication; the lottery,
 * jitter and client streams come from the replication's own seed.
 */
export function runReplication(scenario: ResolvedScenario, k: number, tracked: readonly TrackedSeries[]): ReplicationOutcome {
  const seed = replicationSeed(scenario.seed, k);
  const result = new ModelRun({ ...scenario, seed }, { round: () => undefined }).runToEnd();
  return replicationOutcome(k, seed, result, tracked);
}

/**
 * {@link runReplication}, awaiting `between()` after every slice of virtual time (a
 * lottery period each), so that a caller on the main thread can let signals in. The
 * outcome is the same: a run does not depend on how it is sliced.
 */
export async function runReplicationInSlices(
  scenario: ResolvedScenario,
  k: number,
  tracked: readonly TrackedSeries[],
  between: () => Promise<void>,
): Promise<ReplicationOutcome> {
  const seed = replicationSeed(scenario.seed, k);
  const run = new ModelRun({ ...scenario, seed }, { round: () => undefined });
  while (!run.advance(scenario.timings.lotteryUs)) await between();
  return replicationOutcome(k, seed, run.result(), tracked);
}

/**
 * What replication k contributes, from its finished run. The main run of a command is
 * replication 0 (its seed is the run seed), so its result serves as is.
 */
export function replicationOutcome(k: number, seed: number, result: ModelResult, tracked: readonly TrackedSeries[]): ReplicationOutcome {
  const v = result.validators;
  const rounds = result.counters.rounds;
  const sumOf = (a: Float64Array, members: Iterable<number>) => {
    let sum = 0;
    for (const i of members) sum += elementAt(a, i, 'member');
    return sum;
  };
  const initialTotal = v.initialStake.reduce((a, b) => a + b, 0);
  const finalTotal = v.stake.reduce((a, b) => a + b, 0);
  const share = (x: number, total: number) => (total > 0 ? x / total : 0);
  const stake = concentrationSummary(Array.from(v.stake));
  return {
    replication: k,
    seed,
    rounds,
    stopReason: result.stopReason,
    fullParticipation: rounds > 0 && v.roundsInPool.every((n) => n === rounds),
    initialTotalStake: initialTotal,
    series: tracked.map((s) => {
      const initialStake = sumOf(v.initialStake, s.members);
      const wins = sumOf(v.wins, s.members);
      return {
        name: s.name,
        initialStake,
        initialStakeShare: share(initialStake, initialTotal),
        finalStakeShare: share(sumOf(v.stake, s.members), finalTotal),
        wins,
        winShare: share(wins, rounds),
      };
    }),
    stakeGini: stake.gini,
    stakeHerfindahlHirschman: stake.herfindahlHirschman,
    stakeNakamoto50: stake.nakamoto50,
    chiSquareP: perRoundChiSquareP(v.wins, v.expectedWins),
    pitP: uniformHistogramTests(result.pitHistogram).ksPValue,
  };
}
