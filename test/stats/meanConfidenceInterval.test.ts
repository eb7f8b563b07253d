import { test } from 'node:test';
import assert from 'node:assert/strict';
import { meanConfidenceInterval } from '../../src/stats/meanConfidenceInterval.js';

test('matches scipy.stats.t.interval', () => {
  // x = [0.1,0.25,0.2,0.4,0.3]; scipy.stats.t.interval(0.95, 4, loc=x.mean(), scale=scipy.stats.sem(x))
  //   -> (0.11117774474011033, 0.38882225525988967); x.std(ddof=1) -> 0.11180339887498948
  const r = meanConfidenceInterval(Object.freeze([0.1, 0.25, 0.2, 0.4, 0.3]));
  assert.ok(Math.abs(r.mean - 0.25) < 1e-15);
  assert.ok(Math.abs(r.standardDeviation - 0.11180339887498948) < 1e-15);
  assert.ok(Math.abs(r.lower - 0.11117774474011033) < 1e-12);
  assert.ok(Math.abs(r.upper - 0.38882225525988967) < 1e-12);
});

test('refuses fewer than two values or a bad confidence, naming the function', () => {
  assert.throws(() => meanConfidenceInterval([1]), /meanConfidenceInterval: needs at least 2/);
  assert.throws(() => meanConfidenceInterval([1, 2], 1), /meanConfidenceInterval: confidence/);
});
