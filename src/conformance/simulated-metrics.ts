/** One pos-sim run of the reference server (costed or ideal), measured as the conformance table measures the real one. */
import type { SeedBlock } from '../audit/seed-chain.js';
import { ReferenceRun } from '../reference/run.js';
import type { ResolvedScenario } from '../scenario/types.js';
import { announcementMetrics, chainMetrics, type RunMetrics } from './metrics.js';

export function simulatedRunMetrics(scenario: ResolvedScenario): RunMetrics {
  const chain: SeedBlock[] = [];
  const appendSeconds: number[] = [];
  const run = new ReferenceRun(scenario, {
    round: (record) => void appendSeconds.push(record.timeUs / 1e6),
    block: (json) => chain.push(JSON.parse(json) as SeedBlock),
  });
  const result = run.runToEnd();
  const costed = run.costedCounters;
  return {
    ...chainMetrics(chain, appendSeconds),
    neverDrawnShare: costed === null || costed.reachedTemp === 0 ? 0 : costed.wipedUndrawn / costed.reachedTemp,
    ...announcementMetrics(result.validators.announcementsReceived, result.counters.announcementsMade),
    framingEvictions: costed === null ? 0 : costed.framingEvictions + costed.mergedBalances,
    lotteryDied: result.counters.halt === null ? 0 : 1,
  };
}
