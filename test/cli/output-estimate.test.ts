import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { estimateOutput, sizeText } from '../../src/cli/output-estimate.js';
import { loadScenario } from '../../src/scenario/load.js';
import { readFileSync } from 'node:fs';
import { repoPath, runCli, scratchDir } from './run-cli.js';

test('the output estimate is within a factor of 1.5 of what a run writes', () => {
  for (const [file, args] of [['whales.yaml', ['--chain']], ['compounding.yaml', ['--replications', '3']], ['churn.yaml', []]] as const) {
    const out = join(scratchDir(), 'r');
    const r = runCli(['run', `scenarios/${file}`, '--out', out, '--no-report', '--quiet', ...args]);
    assert.equal(r.status, 0, r.stderr);
    const written = readdirSync(out).reduce((sum, f) => sum + statSync(join(out, f)).size, 0);
    const scenario = loadScenario(file, readFileSync(repoPath('scenarios', file), 'utf8'));
    const tracked = readFileSync(join(out, 'shares.csv'), 'utf8').split('\n')[1] === undefined ? 0 : new Set(readFileSync(join(out, 'shares.csv'), 'utf8').trim().split('\n').slice(1).map((l) => l.split(',')[2])).size;
    const estimate = estimateOutput(scenario, { chain: args.includes('--chain' as never), replications: args.includes('3' as never) ? 3 : 1, tracked });
    assert.ok(estimate.bytes / written < 1.5 && written / estimate.bytes < 1.5, `${file}: estimated ${estimate.bytes}, wrote ${written}`);
  }
  assert.equal(sizeText(1_234_567_890), '1.2 GB');
});

test('a run that will write more than a gigabyte says so before it starts (not with --quiet)', async () => {
  const cwd = scratchDir();
  const child = spawn(process.execPath, [repoPath('bin/pos-sim.js'), 'run', repoPath('scenarios/whales.yaml'), '--rounds', '10000000', '--chain', '--out', 'big'], { cwd });
  let stderr = '';
  await new Promise<void>((resolve) => {
    child.stderr.on('data', (d: Buffer) => {
      stderr += d;
      if (stderr.includes('\n')) resolve();
    });
  });
  child.kill('SIGINT');
  await new Promise((resolve) => child.on('close', resolve));
  assert.match(stderr, /^pos-sim: this run will write about 4\.\d GB \(chain\.json ~3\.2 GB, rounds\.csv ~750\.0 MB\); Ctrl-C stops it and removes what it wrote/);
  assert.deepEqual(readdirSync(cwd), []);
});
