// Whether dist/ is the build of the sources as they are: its stamp is newer than every
// source file and the lockfile (bin/pos-sim.js makes the same check to choose between
// the bundle and the sources). Tools that use dist/ rebuild it only when it is stale, so
// that they never delete a current bundle that other processes are running.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const root = fileURLToPath(new URL('../', import.meta.url));

function newestMtime(dir) {
  let newest = statSync(dir).mtimeMs;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = `${dir}/${entry.name}`;
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

export function distIsFresh() {
  const stamp = `${root}dist/.build-stamp`;
  if (!existsSync(stamp) || !existsSync(`${root}dist/types/api/index.d.ts`)) return false;
  const sourcesMs = Math.max(newestMtime(`${root}src`), statSync(`${root}package-lock.json`).mtimeMs);
  return statSync(stamp).mtimeMs >= sourcesMs;
}
