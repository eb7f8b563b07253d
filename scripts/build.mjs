// Bundles the CLI, the library API and the replication worker from src/ into dist/,
// writes the API's type declarations (dist/types, tsconfig.api.json), and stamps the
// build, so bin/pos-sim.js can tell whether dist/ is current (see there). Run by
// `npm run build`, by `npm ci` and by `npm pack` (prepare).
//
// Bundled, not compiled file by file: Node resolves and links a module graph of
// several hundred files (the @stdlib functions alone are ~200) in about 0.4 s, which
// every run paid at start-up, and every replication worker again. One bundle of the
// same code loads in a fraction of that. Type checking is tsc's (`npm test`).
import { execFileSync } from 'node:child_process';
import { rmSync, utimesSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../', import.meta.url));
// A dev dependency, and tsx's own: installed with or without dev dependencies.
const esbuild = await import('esbuild');
// The stamp is taken before building: a source saved during the build makes it stale.
const startedMs = Date.now();
rmSync(`${root}dist`, { recursive: true, force: true });
await esbuild.build({
  absWorkingDir: root,
  entryPoints: {
    'cli/main': 'src/cli/main.ts',
    'api/index': 'src/api/index.ts',
    'replications/worker': 'src/replications/worker.ts',
    'sweep/worker': 'src/sweep/worker.ts',
    'run/output-worker': 'src/run/output-worker.ts',
  },
  outdir: 'dist',
  // Shared code and the report's lazily imported renderer as chunks beside the CLI, so
  // that paths relative to a module (package.json, the worker) hold in every chunk.
  chunkNames: 'cli/[name]-[hash]',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  tsconfig: 'tsconfig.json',
  sourcemap: true,
  // Loaded from node_modules as they are: a native addon, and yargs, which finds its
  // own package.json (for --version) and locales relative to its files.
  external: ['@resvg/resvg-js', 'yargs'],
  // CommonJS dependencies call require() for Node's own modules; an ES module has none.
  banner: { js: "import { createRequire as createRequireForBundle } from 'node:module'; const require = createRequireForBundle(import.meta.url);" },
  logLevel: 'warning',
});
// The declarations of the package's `exports` (import { runScenario } from 'pos-sim').
// TypeScript is a dev dependency: an install without it (npm ci --omit=dev) still gets
// the bundle, which is all that runs.
let tsc = null;
try {
  tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
} catch {
  console.warn('build: typescript is not installed; dist/types (the API\'s declarations) not written');
}
if (tsc) execFileSync(process.execPath, [tsc, '-p', 'tsconfig.api.json'], { cwd: root, stdio: 'inherit' });
writeFileSync(`${root}dist/.build-stamp`, '');
utimesSync(`${root}dist/.build-stamp`, startedMs / 1000, startedMs / 1000);
