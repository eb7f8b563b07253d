import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { runCli } from '../../src/cli/cli.js';
import { hasSweep, loadScenario, loadSweep } from '../../src/scenario/load.js';
import { scenarioSchema } from '../../src/scenario/schema.js';
import { describedScenarioSchema, SCHEMA_DESCRIPTIONS, schemaNodeAt } from '../../src/scenario/schema-descriptions.js';
import { repoPath } from '../cli/run-cli.js';

type Node = Record<string, unknown>;

/** Every field a user writes: the root's properties, each definition, and the properties of each definition. */
function fieldPaths(schema: Node): string[] {
  const paths = Object.keys(schema.properties as Node).map((k) => `properties.${k}`);
  for (const [name, definition] of Object.entries(schema.definitions as Record<string, Node>)) {
    // The unions (stake, connect, submit, bpm) are described where they are used, on the entry's fields.
    if (!('oneOf' in definition) && !('anyOf' in definition) && name !== 'rewards' && name !== 'timings') paths.push(`definitions.${name}`);
    for (const key of Object.keys((definition.properties as Node | undefined) ?? {})) {
      if (!(name in { stakeUniform: 1, stakePareto: 1, stakeLognormal: 1, stakeValues: 1, connectSpread: 1, submitEvery: 1, submitPoisson: 1, submitAt: 1, bpmUniform: 1 })) {
        paths.push(`definitions.${name}.properties.${key}`);
      }
    }
  }
  return paths;
}

test('every field of the scenario schema has a description, and every description names a field', () => {
  const described = describedScenarioSchema();
  const missing = fieldPaths(scenarioSchema).filter((p) => typeof schemaNodeAt(described, p)?.description !== 'string');
  assert.deepEqual(missing, [], 'describe these in src/scenario/schema-descriptions.ts');
  for (const path of Object.keys(SCHEMA_DESCRIPTIONS)) assert.ok(schemaNodeAt(scenarioSchema, path), `no field at ${path}`);
});

test('descriptions change nothing else, and land on their field only', () => {
  const strip = (value: unknown, path: string): unknown => {
    if (Array.isArray(value)) return value.map((v, i) => strip(v, `${path}.${i}`));
    if (typeof value !== 'object' || value === null) return value;
    return Object.fromEntries(
      Object.entries(value)
        .filter(([k]) => !(k === 'description' && SCHEMA_DESCRIPTIONS[path.replace(/^\./, '')] !== undefined))
        .map(([k, v]) => [k, strip(v, `${path}.${k}`)]),
    );
  };
  assert.deepEqual(strip(describedScenarioSchema(), ''), JSON.parse(JSON.stringify(scenarioSchema)));
  // stakeInteger's object is reused inside stakeUniform: its description stays on the definition.
  const uniformMin = schemaNodeAt(describedScenarioSchema(), 'definitions.stakeUniform.properties.uniform.properties.min');
  assert.equal(uniformMin?.description, undefined);
});

test('`pos-sim schema` prints the committed schema/scenario.schema.json (regenerate: npm run schema)', async () => {
  let printed = '';
  const code = await runCli(['schema'], { stdout: (t) => (printed += t), stderr: (t) => assert.fail(t) });
  assert.equal(code, 0);
  assert.equal(printed, readFileSync(repoPath('schema/scenario.schema.json'), 'utf8'));
  assert.equal(JSON.parse(printed).$id, scenarioSchema.$id);
});

test('every bundled scenario names the schema on its first line for editors, and is valid', () => {
  const files = readdirSync(repoPath('scenarios')).filter((f) => f.endsWith('.yaml'));
  assert.ok(files.length >= 6);
  for (const file of files) {
    const text = readFileSync(repoPath('scenarios', file), 'utf8');
    assert.equal(text.split('\n')[0], '# yaml-language-server: $schema=../schema/scenario.schema.json', file);
    assert.doesNotThrow(() => (hasSweep(text) ? loadSweep(file, text) : loadScenario(file, text)), file);
  }
});
