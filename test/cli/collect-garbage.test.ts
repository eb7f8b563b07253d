import { test } from 'node:test';
import assert from 'node:assert/strict';
import { collectGarbage } from '../../src/cli/collect-garbage.js';

function weakRefToGarbage(): WeakRef<object> {
  return new WeakRef({ payload: new Float64Array(1 << 16) });
}

test('collectGarbage collects at once: an object only a WeakRef holds is gone after it', async () => {
  const ref = weakRefToGarbage();
  // A WeakRef keeps its target until the job that made it ends.
  await new Promise((resolve) => setImmediate(resolve));
  collectGarbage();
  assert.equal(ref.deref(), undefined);
  assert.equal((globalThis as { gc?: unknown }).gc, undefined, 'gc stays out of the global scope');
});
