import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { RunRecorder } from '../../src/cli/run-recorder.js';
import { ModelRun } from '../../src/model/run.js';
import { int, s, scenario, validator } from '../model/scenario-builders.js';
import { scratchDir } from './run-cli.js';

test('the final concentration is that of the final stakes, even when the last round was sampled', () => {
  // Sampled every round; the only round is at 10 s, and a 900-token validator connects at 30 s.
  const sc = scenario([validator('a', { at: [1] }), validator('late', { connectUs: s(30), balance: int(900) })], { sampleEvery: 1 });
  const dir = scratchDir();
  const recorder = new RunRecorder(sc, [], (name) => join(dir, name), false);
  const run = new ModelRun(sc, recorder.observer());
  recorder.attach(run.validators);
  run.runToEnd();
  const final = recorder.close();
  assert.equal(final.stakeTotal, 1000);
  assert.equal(final.stake.top1Share, 0.9);
  // The timeseries has the one round's row, taken before the late connect.
  const rows = readFileSync(join(dir, 'timeseries.csv'), 'utf8').trim().split('\n').slice(1);
  assert.equal(rows.length, 1);
  assert.equal(rows[0]!.split(',')[2], '100');
});
