import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runScenario } from '../../../src/api/index.js';
import { parseSummary, rewardsKind, type ReportSummary } from '../../../src/report/charts/summary-input.js';
import type { RunSummary } from '../../../src/report/summary.js';
import { repoPath } from '../../cli/run-cli.js';
import { fixturePath } from '../results-fixtures.js';

test('summary.json as a run writes it is what the report reads', () => {
  // Checked by tsc (npm test): the writer's RunSummary must fit the reader's ReportSummary,
  // which keeps later additions optional so that older folders still make a report.
  const reads = (summary: RunSummary): ReportSummary => summary;
  assert.equal(typeof reads, 'function');
});

test('the report reads every part it knows from the summary.json a run writes today', async () => {
  const { summary } = await runScenario(repoPath('scenarios/compounding.yaml'), { rounds: 60, replications: 2 });
  const read = parseSummary(JSON.stringify(summary, null, 2));
  assert.equal(read.rounds, 60);
  assert.equal(rewardsKind(read), summary.rewards.rule.kind);
  assert.equal(typeof read.quirks.evictions, 'number');
  assert.equal(typeof read.fairness?.winnerPit?.ksPValue, 'number');
  assert.equal(typeof read.fairness?.global?.verdict, 'string');
  assert.equal(typeof read.concentration?.stake.theilIndex, 'number');
  assert.equal(typeof read.topValidators[0]?.pHolm, 'number');
  assert.equal(read.replications?.count, 2);
});

test('a folder from before fairness, concentration, rewards and replications still reads', () => {
  const read = parseSummary(readFileSync(join(fixturePath('churn-v0'), 'summary.json'), 'utf8'));
  assert.equal(read.fairness, undefined);
  assert.equal(read.concentration, undefined);
  assert.equal(rewardsKind(read), 'none');
  assert.equal(read.topValidators[0]?.winRate, undefined);
  assert.throws(() => parseSummary('{"scenario": "x"}'), /not a pos-sim summary/);
});
