import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { ModelRun } from '../../src/model/run.js';
import { ConcentrationSampler } from '../../src/report/concentration-csv.js';
import { buildSummary } from '../../src/report/summary.js';
import { summaryText } from '../../src/report/summary-text.js';
import { ValidatorTable } from '../../src/report/validator-table.js';
import { loadScenario } from '../../src/scenario/load.js';

function printedSummary(name: string, rounds: number): string[] {
  const scenario = loadScenario(name, readFileSync(new URL(`../../scenarios/${name}`, import.meta.url), 'utf8'), { rounds });
  const result = new ModelRun(scenario, { round: () => undefined }).runToEnd();
  const table = new ValidatorTable(scenario, result);
  const final = new ConcentrationSampler(result.validators.stake.length).sample(result.validators, result.counters.rounds, result.endUs);
  return summaryText(buildSummary(scenario, result, table, final)).split('\n');
}

test('with rewards the winner-PIT verdict comes first, the chi-square next, and a note says why', () => {
  // Seed 2024 over 300 rounds is a run where the uncalibrated chi-square cries wolf
  // (p = 0.0044) on a fair lottery, and the winner PIT does not.
  const lines = printedSummary('compounding.yaml', 300);
  assert.match(lines[1]!, /^fairness: consistent with a fair draw in every round at the 1% level \(winner PIT over 300 rounds: KS p = /);
  assert.match(lines[2]!, /^ {2}per round \(chi-square\): NOT consistent with p = stake \/ pool stake/);
  assert.match(lines[3]!, /^ {2}total variation 0\.\d{4} \(a fair lottery gives 0\.\d{4} on average\)$/);
  assert.ok(lines.some((l) => /^ {2}note: rewards compound.*the verdict above is the winner-PIT test/.test(l)));
});

test('without rewards the per-round verdict comes first; the seed\'s threads and traffic are labelled as the seed server\'s', () => {
  const lines = printedSummary('uniform.yaml', 2000);
  // uniform.yaml: 1,000 validators expecting 2 wins each, now in 333 bins of 6 (the last of 8).
  assert.match(lines[1]!, /^fairness: consistent with p = stake \/ pool stake \(per round\) at the 1% level .*; 333 bins: validators sorted by expected wins/);
  assert.match(lines[2]!, /^ {2}each draw: consistent with a fair draw in every round/);
  assert.ok(lines.some((l) => /peak threads \d+, sync traffic \d+ messages, [\d.]+ \w+ \(what the seed server would do\)/.test(l)));
});
