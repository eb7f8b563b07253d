/**
 * The package as users get it: `npm pack`, installed into an empty folder with
 * `npm install ./pos-sim-X.tgz` (dependencies from the registry, or npm's cache), then
 * `npx pos-sim run` on a bundled scenario and `import { runScenario } from 'pos-sim'`
 * there, and a TypeScript file type-checked against the shipped declarations.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync, type SpawnSyncOptions } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoPath, scratchDir } from '../cli/run-cli.js';
// @ts-expect-error: a plain ES module of the build scripts, without declarations
import { distIsFresh } from '../../scripts/dist-state.mjs';

function sh(command: string, args: string[], cwd: string, options: SpawnSyncOptions = {}): string {
  const r = spawnSync(command, args, { cwd, encoding: 'utf8', timeout: 240_000, ...options });
  assert.equal(r.status, 0, `${command} ${args.join(' ')} in ${cwd} exited ${r.status}:\n${String(r.stdout)}\n${String(r.stderr)}`);
  return String(r.stdout);
}

test('npm pack gives a package that installs into an empty folder, runs `npx pos-sim run` and imports as a library', { timeout: 300_000 }, () => {
  const work = scratchDir();
  // npm pack runs `prepare`, which rebuilds dist/; a current dist/ is packed as it is, not
  // deleted and rebuilt under the feet of the other tests running bin/pos-sim.js.
  const scripts = (distIsFresh as () => boolean)() ? ['--ignore-scripts'] : [];
  const packed = JSON.parse(sh('npm', ['pack', '--json', ...scripts, '--pack-destination', work], repoPath())) as Array<{ filename: string; files: Array<{ path: string }> }>;
  const files = packed[0]!.files.map((f) => f.path);
  for (const f of ['bin/pos-sim.js', 'dist/api/index.js', 'dist/types/api/index.d.ts', 'dist/cli/main.js', 'scenarios/whales.yaml', 'schema/scenario.schema.json', 'package.json']) {
    assert.ok(files.includes(f), `the package lacks ${f}`);
  }
  assert.ok(!files.some((f) => f.startsWith('src/') || f.startsWith('test/')), 'sources and tests stay out of the package');

  const app = join(work, 'app');
  sh('mkdir', [app], work);
  writeFileSync(join(app, 'package.json'), '{ "name": "app", "private": true, "type": "module" }\n');
  sh('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', join(work, packed[0]!.filename)], app);

  // The command, as a user runs it after installing.
  const out = join(app, 'results-tutorial');
  const printed = sh('npx', ['pos-sim', 'run', 'node_modules/pos-sim/scenarios/tutorial.yaml', '--out', out, '--quiet'], app);
  assert.equal(printed.trim(), `results: ${out}`);
  const summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8')) as { scenario: string; rounds: number };
  assert.deepEqual([summary.scenario, summary.rounds], ['tutorial', 1]);
  assert.ok(existsSync(join(out, 'report.html')));

  // The library, and its results equal to the folder the command wrote.
  writeFileSync(
    join(app, 'use.mjs'),
    [
      "import { runScenario, readResults } from 'pos-sim';",
      "const inMemory = await runScenario('node_modules/pos-sim/scenarios/tutorial.yaml');",
      `const fromFolder = await readResults(${JSON.stringify(out)});`,
      'console.log(JSON.stringify({ rounds: inMemory.summary.rounds, same: JSON.stringify(inMemory) === JSON.stringify(fromFolder) }));',
    ].join('\n'),
  );
  assert.deepEqual(JSON.parse(sh(process.execPath, ['use.mjs'], app)), { rounds: 1, same: true });

  // The declarations: a consumer type-checks against them (and a wrong use does not).
  writeFileSync(
    join(app, 'tsconfig.json'),
    JSON.stringify({ compilerOptions: { strict: true, noEmit: true, skipLibCheck: true, module: 'nodenext', moduleResolution: 'nodenext', target: 'es2022', types: [] }, files: ['use.ts'] }),
  );
  const check = (body: string) => {
    writeFileSync(join(app, 'use.ts'), body);
    return spawnSync(process.execPath, [repoPath('node_modules/typescript/bin/tsc'), '-p', '.'], { cwd: app, encoding: 'utf8' });
  };
  const good = check("import { runScenario, type RunResults } from 'pos-sim';\nconst r: RunResults = await runScenario('x.yaml', { seed: 1, set: { rules: 'fixed' } });\nconst n: number = r.validators[0]!.winRate + r.summary.rounds;\nexport { n };\n");
  assert.equal(good.status, 0, good.stdout + good.stderr);
  const bad = check("import { runScenario } from 'pos-sim';\nconst r = await runScenario('x.yaml');\nconst s: string = r.summary.rounds;\nexport { s };\n");
  assert.notEqual(bad.status, 0, 'a number is not a string: the declarations carry the types');
  assert.match(bad.stdout, /TS2322/);
});
