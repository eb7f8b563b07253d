import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseScenarioText } from '../../src/scenario/parse.js';

test('well-formed YAML gives data and no issues', () => {
  const parsed = parseScenarioText('name: x\nstart: 2018-08-07 20:44:00\nflag: yes\n');
  assert.deepEqual(parsed.yamlIssues, []);
  // YAML 1.2 core schema: unquoted dates and `yes` stay text.
  assert.deepEqual(parsed.data, { name: 'x', start: '2018-08-07 20:44:00', flag: 'yes' });
});

test('a duplicate key is an issue with the path of the repeated key', () => {
  const parsed = parseScenarioText('validators:\n  - name: a\n    stake: 1\n    stake: 2\n');
  assert.deepEqual(
    parsed.yamlIssues.map((issue) => [issue.path, issue.message, issue.value]),
    [[['validators', 0, 'stake'], 'duplicate key "stake": a key may appear only once in a mapping', '"stake: 2"']],
  );
  assert.equal(parsed.data, undefined);
});

test('syntax errors and warnings are issues at the offending offset, without a path', () => {
  const parsed = parseScenarioText('seed: !!integer 5\nname: "open\n');
  const issues = parsed.yamlIssues.map((issue) => [issue.path, issue.message.split(':')[0], issue.anchor]);
  assert.deepEqual(issues, [
    [[], 'YAML syntax error', { offset: 30 }],
    [[], 'YAML problem', { offset: 6 }],
  ]);
});
