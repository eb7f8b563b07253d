import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BufferedFile } from '../../src/cli/buffered-file.js';
import { RunRecorder } from '../../src/run/run-recorder.js';
import { ModelRun } from '../../src/model/run.js';
import { trackedSeries } from '../../src/scenario/tracked-series.js';
import { randomSteadyScenario } from '../model/random-scenarios.js';
import { int, s, scenario, validator } from '../model/scenario-builders.js';
import { scratchDir } from '../cli/run-cli.js';

test('the final concentration is that of the final stakes, even when the last round was sampled', () => {
  // Sampled every round; the only round is at 10 s, and a 900-token validator connects at 30 s.
  const sc = scenario([validator('a', { at: [1] }), validator('late', { connectUs: s(30), balance: int(900) })], { sampleEvery: 1 });
  const dir = scratchDir();
  const recorder = new RunRecorder(sc, [], (name) => new BufferedFile(join(dir, name)), false);
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

test('samples kept up to date from the validators the model marks as changed equal samples that look at every validator', () => {
  // Rewards, late connects and leaves that take their stake with them: every way a stake or a win count changes.
  let compared = 0;
  for (let seed = 1; seed <= 30; seed++) {
    const base = randomSteadyScenario(seed);
    const sc = {
      ...base,
      sampleEvery: 1 + (seed % 3),
      rewards: { ...base.rewards, withdrawOnLeave: true },
      validators: base.validators.map((v, i) => (i % 4 === 1 ? { ...v, leaveUs: v.connectUs + s(55 + i) } : v)),
    };
    const tracked = trackedSeries(sc);
    const outputs = [true, false].map((incremental) => {
      const dir = scratchDir();
      const recorder = new RunRecorder(sc, tracked, (name) => new BufferedFile(join(dir, name)), false);
      const run = new ModelRun(sc, recorder.observer());
      recorder.attach(run.validators, incremental ? () => run.takeChangedValidators() : undefined);
      run.runToEnd();
      const final = recorder.close();
      return { final, files: ['timeseries.csv', 'shares.csv'].map((f) => readFileSync(join(dir, f), 'utf8')) };
    });
    assert.deepEqual(outputs[0], outputs[1], `scenario seed ${seed}`);
    compared += (outputs[0]?.files[0] ?? '').split('\n').length;
  }
  assert.ok(compared > 300, `only ${compared} samples compared`);
});
