/**
 * Writes a finished sweep's results folder from its chunks' outcomes: the same
 * function for `pos-sim sweep` and `pos-sim merge`, so a merged folder is the same
 * bytes as one run straight through.
 */
import { writeFileSync } from 'node:fs';
import type { ReplicationOutcome } from '../replications/run-replication.js';
import type { ScenarioDocument } from '../scenario/schema.js';
import type { SweepPlan } from '../scenario/sweep.js';
import { summarizeCell } from '../sweep/cell-summary.js';
import { cellsCsv, replicationsCsv } from '../sweep/sweep-csv.js';
import { sweepManifest, type SweepIdentity } from '../sweep/sweep-manifest.js';
import type { ResultsFolder } from './results-folder.js';

/** cells.csv, replications.csv, the charts and report, and manifest.json, into the (temporary) folder. */
export async function writeSweepResults(
  folder: ResultsFolder,
  identity: SweepIdentity,
  base: ScenarioDocument,
  plan: SweepPlan,
  outcomes: readonly ReplicationOutcome[][],
  options: { quiet: boolean },
): Promise<void> {
  const summaries = outcomes.map(summarizeCell);
  writeFileSync(folder.file('cells.csv'), cellsCsv(plan, summaries));
  writeFileSync(folder.file('replications.csv'), replicationsCsv(plan, outcomes));
  // Loaded here, not at start-up: the rendering libraries are large.
  const { writeSweepReport } = await import('./sweep-report-files.js');
  const reportFiles = await writeSweepReport(folder.tempPath, base, plan, summaries, options);
  const files = ['manifest.json', 'cells.csv', 'replications.csv', ...reportFiles];
  writeFileSync(folder.file('manifest.json'), `${JSON.stringify(sweepManifest(identity, plan, files), null, 2)}\n`);
}
