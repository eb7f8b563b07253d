import type { ModelResult } from '../model/run.js';
import type { ResolvedScenario } from '../scenario/types.js';
import { secondsText } from './format.js';
import { groupTable, topByStake, type GroupRow, type ValidatorRow } from './validator-table.js';

/** How many validators the summary lists individually. */
export const TOP_VALIDATORS = 10;

/** summary.json: what a run showed, in one small file. */
export interface RunSummary {
  scenario: string;
  seed: number;
  rules: string;
  lottery: string;
  validators: number;
  rounds: number;
  stopReason: string;
  endTimeSeconds: string;
  eventsProcessed: number;
  quirks: ModelResult['counters'] & { haltTimeSeconds: string | null };
  groups: GroupRow[];
  topValidators: ValidatorRow[];
}

export function buildSummary(scenario: ResolvedScenario, result: ModelResult, rows: readonly ValidatorRow[]): RunSummary {
  const counters = result.counters;
  return {
    scenario: scenario.name,
    seed: scenario.seed,
    rules: scenario.rules,
    lottery: scenario.lottery,
    validators: scenario.validators.length,
    rounds: counters.rounds,
    stopReason: result.stopReason,
    endTimeSeconds: secondsText(result.endUs),
    eventsProcessed: result.eventsProcessed,
    quirks: { ...counters, haltTimeSeconds: counters.halt ? secondsText(counters.halt.timeUs) : null },
    groups: groupTable(rows, counters.rounds),
    topValidators: topByStake(rows, TOP_VALIDATORS),
  };
}
