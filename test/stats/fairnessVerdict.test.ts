import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fairnessVerdict } from '../../src/stats/fairnessVerdict.js';

test('says fair when p > alpha and unfair when p <= alpha', () => {
  assert.equal(
    fairnessVerdict(0.4237),
    'Consistent with a fair lottery: p = 0.424 > 0.01, so the wins do not differ from stake shares more than chance allows.',
  );
  assert.equal(
    fairnessVerdict(0.0000123),
    'Not a fair lottery at the 0.01 level: p = 1.23e-5 <= 0.01, so the wins differ from stake shares more than chance allows.',
  );
  assert.match(fairnessVerdict(0.01), /^Not a fair lottery at the 0.01 level: p = 0.01 <= 0.01/);
  assert.match(fairnessVerdict(0.03, 0.05), /^Not a fair lottery at the 0.05 level/);
  assert.match(fairnessVerdict(0), /p = 0 <= 0.01/);
  assert.match(fairnessVerdict(1), /^Consistent with a fair lottery: p = 1 > 0.01/);
});

test('rejects a p-value outside [0, 1] or alpha outside (0, 1), naming the function', () => {
  assert.throws(() => fairnessVerdict(1.5), /fairnessVerdict: pValue/);
  assert.throws(() => fairnessVerdict(Number.NaN), /fairnessVerdict: pValue/);
  assert.throws(() => fairnessVerdict(0.5, 0), /fairnessVerdict: alpha/);
});
