import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { repoPath, runCli, scratchDir } from './run-cli.js';

test("pos-sim audit reads pos-sim's own chain.json with its validators.csv as the stakes", () => {
  const dir = join(scratchDir(), 'run');
  assert.equal(runCli(['run', repoPath('scenarios/tutorial.yaml'), '--chain', '--out', dir, '--no-report', '--quiet']).status, 0);
  const r = runCli(['audit', join(dir, 'chain.json'), '--stakes', join(dir, 'validators.csv'), '--json']);
  assert.equal(r.status, 0, r.stderr);
  const audit = JSON.parse(r.stdout);
  assert.equal(audit.rounds, 1);
  assert.equal(audit.staleLinks, 0);
  assert.equal(audit.validators.length, 3);
});

test('pos-sim audit reads a stream captured with nc from the real seed server (20x speed-up)', () => {
  const r = runCli(['audit', repoPath('test/fixtures/audit/captured-nc-stream.txt'), '--stakes', repoPath('test/fixtures/audit/captured-stakes.csv'), '--speedup', '20', '--json']);
  assert.equal(r.status, 0, r.stderr);
  const audit = JSON.parse(r.stdout);
  assert.equal(audit.rounds, 2);
  assert.equal(audit.staleLinks, 0);
  assert.equal(audit.gaps.count, 2);
});

test('pos-sim audit: bad input is one line naming the file, line or field and the value, exit 2', () => {
  const dir = scratchDir();
  const stakes = join(dir, 'stakes.csv');
  writeFileSync(stakes, 'address,stake\nab,100\ncd,lots\n');
  const chain = repoPath('test/fixtures/audit/captured-nc-stream.txt');
  const cases: Array<[string[], RegExp]> = [
    [['audit', chain, '--stakes', stakes], /^pos-sim: .*stakes\.csv:3: stake: expected an integer >= 0, got "lots"\n$/],
    [['audit', stakes, '--stakes', repoPath('test/fixtures/audit/captured-stakes.csv')], /^pos-sim: .*stakes\.csv: no complete JSON array of blocks/],
    [['audit', chain, '--stakes', repoPath('test/fixtures/audit/captured-stakes.csv'), '--speedup', 'fast'], /^pos-sim: --speedup must be a number > 0 and <= 1000000, got "fast"\n$/],
    [['audit', join(dir, 'missing.json'), '--stakes', stakes], /^pos-sim: .*missing\.json: cannot read it \(ENOENT\)\n$/],
  ];
  for (const [args, message] of cases) {
    const r = runCli(args);
    assert.equal(r.status, 2, args.join(' '));
    assert.match(r.stderr, message);
  }
});
