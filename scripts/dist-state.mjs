// Whether dist/ is the build of the sources as they are: its stamp is newer than every
// source file and the lockfile (bin/pos-sim.js makes the same check to choose between
// the bundle and the sources). Tools that use dist/ rebuild it only when it is stale, so
// that they never delete a current bundle that other processes are running.
import { existsSync, statSync } from 'node:fs';
import { newestSourceMs, root } from '../bin/dist-state.mjs';

export { root };

export function distIsFresh() {
  const stamp = `${root}dist/.build-stamp`;
  if (!existsSync(stamp) || !existsSync(`${root}dist/types/api/index.d.ts`)) return false;
  return statSync(stamp).mtimeMs >= newestSourceMs();
}
