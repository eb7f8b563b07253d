// Whether dist/ is current with src/, shared by bin/pos-sim.js and the scripts that
// need the bundle (scripts/dist-state.mjs). Plain JavaScript: it runs before any loader.
import { readdirSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const root = fileURLToPath(new URL('../', import.meta.url));

/** Newest modification time of any file under `dir`, ms. */
export function newestMtime(dir) {
  let newest = statSync(dir).mtimeMs;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = `${dir}/${entry.name}`;
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

/** The newest of the sources and the lockfile: the bundle holds the dependencies too, so an upgrade makes it stale as well. */
export function newestSourceMs() {
  return Math.max(newestMtime(`${root}src`), statSync(`${root}package-lock.json`).mtimeMs);
}
