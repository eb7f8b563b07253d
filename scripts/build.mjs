// Compiles src/ to dist/ and stamps the build, so bin/pos-sim.js can tell whether
// dist/ is current (see there). Run by `npm run build`, and by `npm ci` (prepare).
import { execFileSync } from 'node:child_process';
import { rmSync, utimesSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../', import.meta.url));
let tsc;
try {
  tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
} catch {
  // Installed without dev dependencies: pos-sim still runs, from the sources through tsx.
  console.warn('pos-sim build: TypeScript is not installed; skipping dist/ (pos-sim will run the sources through tsx)');
  process.exit(0);
}
// The stamp is taken before compiling: a source saved during the build makes it stale.
const startedMs = Date.now();
rmSync(`${root}dist`, { recursive: true, force: true });
execFileSync(process.execPath, [tsc, '-p', `${root}tsconfig.build.json`], { stdio: 'inherit' });
writeFileSync(`${root}dist/.build-stamp`, '');
utimesSync(`${root}dist/.build-stamp`, startedMs / 1000, startedMs / 1000);
