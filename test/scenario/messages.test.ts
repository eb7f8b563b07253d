import { test } from 'node:test';
import assert from 'node:assert/strict';
import { describeSchema, renderValue } from '../../src/scenario/messages.js';

test('values render short, strings quoted so empty and whitespace texts stay visible', () => {
  assert.equal(renderValue(-5), '-5');
  assert.equal(renderValue('abc'), '"abc"');
  assert.equal(renderValue(''), '""');
  assert.equal(renderValue(' 100\n'), '" 100\\n"');
  assert.equal(renderValue(null), 'null');
  assert.equal(renderValue(Number.POSITIVE_INFINITY), '.inf');
  assert.equal(renderValue(undefined), '');
  assert.equal(renderValue({ uniform: { min: 1, max: 2 } }), '{"uniform":{"min":1,"max":2}}');
  const long = renderValue(Array.from({ length: 50 }, (_, i) => i));
  assert.equal(long.length, 40);
  assert.ok(long.endsWith('…'));
});

test('schemas are described in words; overflow guards only when they failed', () => {
  const stake = { type: 'integer', minimum: 0, maximum: Number.MAX_SAFE_INTEGER };
  assert.equal(describeSchema(stake, 'minimum'), 'an integer >= 0');
  assert.equal(describeSchema(stake, 'maximum'), 'an integer from 0 to 9007199254740991');
  assert.equal(describeSchema({ type: 'integer', minimum: 0, maximum: 4294967295 }, 'type'), 'an integer from 0 to 4294967295');
  assert.equal(describeSchema({ type: 'number', exclusiveMinimum: 0, maximum: 1e8 }, 'exclusiveMinimum'), 'a number > 0');
  assert.equal(describeSchema({ type: 'object' }, 'type'), 'a mapping');
  assert.equal(describeSchema({ enum: ['seed', 'fixed'] }, 'enum'), 'one of "seed", "fixed"');
});
