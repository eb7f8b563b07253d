import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import * as stats from '../../src/stats/index.js';

test('index re-exports the public function of every module', async () => {
  const modules = readdirSync(new URL('../../src/stats/', import.meta.url)).filter(
    (name) => name.endsWith('.ts') && name !== 'index.ts' && !name.startsWith('assert'),
  );
  for (const file of modules) {
    const module = (await import(`../../src/stats/${file}`)) as Record<string, unknown>;
    for (const [name, value] of Object.entries(module)) {
      if (typeof value === 'function') {
        assert.equal((stats as Record<string, unknown>)[name], value, `${name} from ${file}`);
      }
    }
  }
});
