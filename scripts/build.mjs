// Bundles the CLI and the replication worker from src/ into dist/ and stamps the
// build, so bin/pos-sim.js can tell whether dist/ is current (see there). Run by
// `npm run build`, and by `npm ci` (prepare).
//
// Bundled, not compiled file by file: Node resolves and links a module graph of
// several hundred files (the @stdlib functions alone are ~200) in about 0.4 s, which
// every run paid at start-up, and every replication worker again. One bundle of the
// same code loads in a fraction of that. Type checking is tsc's (`npm test`).
import { rmSync, utimesSync, writeFileSync } from 'node:fs';
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
    'replications/worker': 'src/replications/worker.ts',
    'sweep/worker': 'src/sweep/worker.ts',
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
writeFileSync(`${root}dist/.build-stamp`, '');
utimesSync(`${root}dist/.build-stamp`, startedMs / 1000, startedMs / 1000);
