import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { ReportSummary } from '../../../src/report/charts/summary-input.js';
import type { RunSummary } from '../../../src/report/summary.js';

test('summary.json as a run writes it is what the report reads', () => {
  // Checked by tsc (npm test): the writer's RunSummary must fit the reader's ReportSummary,
  // which keeps later additions optional so that older folders still make a report.
  const reads = (summary: RunSummary): ReportSummary => summary;
  assert.equal(typeof reads, 'function');
});
