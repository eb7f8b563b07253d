/**
 * pos-sim as a library: what a notebook or another tool needs to run scenarios and
 * read their results without parsing files. `pos-sim run` goes through the same run
 * (run/run-core.ts); this API keeps the results in memory instead of a folder.
 *
 *   loadScenario(path, overrides) -> Scenario
 *   runScenario(path | Scenario, options) -> RunResults   (in memory)
 *   readResults(folder) -> RunResults                      (what `pos-sim run` wrote)
 *   runSweep(path, options) -> SweepResults                (a sweep file, every cell, in memory)
 */
export { loadScenario, parseScenario, withOverrides, type Scenario, type ScenarioOverrides } from './scenario.js';
export { runScenario, type RunScenarioOptions } from './run-scenario.js';
export { readResults } from './read-results.js';
export { runSweep, type RunSweepOptions, type SweepCellResults, type SweepResults } from './run-sweep.js';
export type { CellSummary, Estimate, SeriesSummary } from '../sweep/cell-summary.js';
export type { ReplicationOutcome, SeriesOutcome } from '../replications/run-replication.js';
export type { ScenarioDocument, SweepValue } from '../scenario/schema.js';
export type { RunResults } from './results.js';
export type { QuirksRecord, ReplicationRecord, RoundRecord, ShareRecord, TimeseriesRecord, ValidatorRecord } from './records.js';
export { chartSvg } from './charts.js';
export { ScenarioError, formatProblem, type ScenarioProblem } from '../scenario/load.js';
export type { RunSummary } from '../report/summary.js';
export type { ResolvedScenario } from '../scenario/types.js';
