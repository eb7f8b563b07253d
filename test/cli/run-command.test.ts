import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { scenarioDigest } from '../../src/run/scenario-digest.js';
import { loadScenario } from '../../src/scenario/load.js';
import { repoPath, runCli, scratchDir } from './run-cli.js';

const read = (dir: string, file: string) => readFileSync(join(dir, file), 'utf8');
const csvRows = (text: string) => text.trim().split('\n').slice(1).map((line) => line.split(','));

test('the tutorial scenario replays the seed step by step', () => {
  const out = join(scratchDir(), 'tutorial');
  const r = runCli(['run', 'scenarios/tutorial.yaml', '--out', out, '--chain', '--quiet']);
  assert.equal(r.status, 0, r.stderr);
  assert.equal(r.stdout.trim(), `results: ${out}`);
  // Reference values from python3, following the seed's code with datetime.now() replaced by
  // start + t (start = datetime(2018,8,7,20,44,0)):
  //   address = sha256(str(start + timedelta(seconds=connect)).encode()).hexdigest()
  //   block = {"Index": 1, "BPM": 9, "Timestamp": str(start + timedelta(seconds=t)), "PrevHash": genesis["Hash"],
  //            "Validator": address}; block["Hash"] = sha256((str(Index)+str(BPM)+Timestamp+PrevHash).encode()).hexdigest()
  const genesis =
    '{"Index": 0, "Timestamp": "2018-08-07 20:44:00", "BPM": 0, "PrevHash": "", "Validator": "", "Hash": "85f72f1cd358a0cf3727789f28628ab5cf40eeac38ea2732464efc5b7e9d4398"}';
  const candidates: Record<string, string> = {
    alice:
      '{"Index": 1, "BPM": 9, "Timestamp": "2018-08-07 20:44:04", "PrevHash": "85f72f1cd358a0cf3727789f28628ab5cf40eeac38ea2732464efc5b7e9d4398", "Validator": "2b7e34c859ae7bd49729df4bf5734534b05319dcac9090ac643c3f16affd7d92", "Hash": "0d2926b669263326017371e651baa18637d5a08cf0d4f4c859b77b53577fb597"}',
    bob: '{"Index": 1, "BPM": 9, "Timestamp": "2018-08-07 20:44:06", "PrevHash": "85f72f1cd358a0cf3727789f28628ab5cf40eeac38ea2732464efc5b7e9d4398", "Validator": "b49105b7b156cbf307ed4d43ee675219215724950d80b94a23fa75765af8ab9f", "Hash": "981638e24e45c301be4a462354d1c53981ed7a73542fa5160064f1642783c06b"}',
    carol:
      '{"Index": 1, "BPM": 9, "Timestamp": "2018-08-07 20:44:08", "PrevHash": "85f72f1cd358a0cf3727789f28628ab5cf40eeac38ea2732464efc5b7e9d4398", "Validator": "18ee930bea4ffd1803f72d8a93b68388f469a6d9f5b3463cd0875998c992e03d", "Hash": "ec400799ca3be56453d6368012bbefa7f002fc8b227e4d5aa9cee1ad2e7aaca1"}',
  };
  // Step 1: blocks typed at 4, 6, 8 s are taken in at 5 and 10 s; the lottery at 10 s draws
  // one of the three (100 tickets each) and appends its block: the only round in 60 s.
  const rounds = csvRows(read(out, 'rounds.csv'));
  assert.equal(rounds.length, 1);
  const [round, time, poolValidators, poolStake, winner, winnerStake, winnerP, blockIndex, , stale] = rounds[0]!;
  assert.deepEqual([round, time, poolValidators, poolStake, winnerStake, blockIndex, stale], ['1', '10', '3', '300', '100', '1', '0']);
  assert.equal(Number(winnerP), 1 / 3);
  // Step 2: the chain is genesis + the winner's block, exactly as json.dumps(block_chain) writes it.
  assert.equal(read(out, 'chain.json'), `[${genesis}, ${candidates[winner!]}]`);
  // Step 3: the announcement at 10 s (10 mod 3 = 1) goes to the poller that wakes first:
  // alice's, spawned at 1 s. Each of the three sync senders (spawned at 4, 6, 8 s) writes
  // once before 60 s (at 34, 36, 38 s): len(json.dumps([genesis, block])) + 1 = 467 bytes.
  const summary = JSON.parse(read(out, 'summary.json'));
  assert.equal(summary.quirks.announcementsDelivered, 1);
  const [header, ...validators] = read(out, 'validators.csv').trim().split('\n').map((line) => line.split(','));
  const column = header!.indexOf('announcements_received');
  assert.deepEqual(validators.map((v) => v[column]), ['1', '0', '0']);
  assert.equal(summary.quirks.syncMessages, 3);
  assert.equal(summary.quirks.syncBytes, 3 * 467);
  // Threads: main, intake, lottery; 3 handlers; 2 pollers and 1 sender per client.
  assert.equal(summary.quirks.peakThreads, 3 + 3 + 6 + 3);
});

test('the same scenario and seed give byte-identical results; another seed other draws', () => {
  const dir = scratchDir();
  const files = [
    'rounds.csv',
    'validators.csv',
    'summary.json',
    'chain.json',
    'timeseries.csv',
    'shares.csv',
    'quirks.csv',
    'report.html',
    'charts/win-rate.vl.json',
    'charts/win-rate.svg',
    'charts/seed-quirks.svg',
  ];
  const run = (name: string, seed: string) => {
    const out = join(dir, name);
    const r = runCli(['run', 'scenarios/whales.yaml', '--rounds', '60', '--seed', seed, '--out', out, '--chain', '--quiet']);
    assert.equal(r.status, 0, r.stderr);
    return out;
  };
  const a = run('a', '11');
  const b = run('b', '11');
  for (const f of files) assert.equal(read(a, f), read(b, f), `${f} differs between identical runs`);
  assert.ok(readFileSync(join(a, 'charts/win-rate.png')).equals(readFileSync(join(b, 'charts/win-rate.png'))), 'PNG differs');
  const manifestWithoutRun = (d: string) => ({ ...JSON.parse(read(d, 'manifest.json')), run: null });
  assert.deepEqual(manifestWithoutRun(a), manifestWithoutRun(b));
  const c = run('c', '12');
  assert.notEqual(read(a, 'rounds.csv'), read(c, 'rounds.csv'));
});

test('replications give byte-identical results on one worker thread or several', () => {
  const dir = scratchDir();
  const run = (workers: string) => {
    const out = join(dir, `workers-${workers}`);
    const args = ['run', 'scenarios/compounding.yaml', '--rounds', '40', '--replications', '5', '--workers', workers];
    const r = runCli([...args, '--no-report', '--out', out, '--quiet']);
    assert.equal(r.status, 0, r.stderr);
    return out;
  };
  const one = run('1');
  const three = run('3');
  assert.equal(new Set(csvRows(read(one, 'replications.csv')).map((row) => row[0])).size, 5);
  for (const f of readdirSync(one).filter((name) => name !== 'manifest.json')) {
    assert.equal(read(three, f), read(one, f), `${f} differs between 1 and 3 workers`);
  }
});

test('an existing results folder is never overwritten without --force', () => {
  const out = join(scratchDir(), 'taken');
  assert.equal(runCli(['run', 'scenarios/tutorial.yaml', '--out', out, '--quiet']).status, 0);
  const before = read(out, 'manifest.json');
  const refused = runCli(['run', 'scenarios/tutorial.yaml', '--out', out, '--quiet', '--seed', '5']);
  assert.equal(refused.status, 2);
  assert.match(refused.stderr, /already exists.*--force/);
  assert.equal(read(out, 'manifest.json'), before);
  const forced = runCli(['run', 'scenarios/tutorial.yaml', '--out', out, '--quiet', '--seed', '5', '--force']);
  assert.equal(forced.status, 0, forced.stderr);
  assert.equal(JSON.parse(read(out, 'manifest.json')).seed, 5);
});

test('bad input gives file:line:column, field and value, exit code 2, and no results folder', () => {
  const cases: Array<[string, RegExp]> = [
    ['test/fixtures/scenarios/malformed.yaml', /malformed\.yaml:\d+:\d+/],
    ['test/fixtures/scenarios/wrong-type.yaml', /wrong-type\.yaml:\d+:\d+ \S+: expected/],
    ['test/fixtures/scenarios/negative-count.yaml', /negative-count\.yaml:\d+:\d+ validators\[\d+\]\.count: .*-\d+/],
    ['test/fixtures/scenarios/unknown-key.yaml', /unknown-key\.yaml:\d+:\d+ \S+: unknown key/],
    ['scenarios/no-such-file.yaml', /cannot read scenario scenarios\/no-such-file\.yaml: no such file/],
  ];
  for (const [file, message] of cases) {
    assert.ok(file.includes('no-such') || existsSync(repoPath(file)), `fixture ${file} exists`);
    const dir = scratchDir();
    const r = runCli(['run', file, '--out', join(dir, 'out')]);
    assert.equal(r.status, 2, `${file}: ${r.stderr}`);
    assert.match(r.stderr, message);
    assert.equal(r.stdout, '');
    assert.deepEqual(readdirSync(dir), [], `${file} left something behind`);
  }
});

test('--sample-every sets the cadence of timeseries.csv', () => {
  const out = join(scratchDir(), 'sampled');
  const r = runCli(['run', 'scenarios/participation.yaml', '--rounds', '50', '--sample-every', '7', '--out', out, '--quiet', '--no-report']);
  assert.equal(r.status, 0, r.stderr);
  // Every 7th round, then the last round.
  assert.deepEqual(csvRows(read(out, 'timeseries.csv')).map((row) => Number(row[0])), [7, 14, 21, 28, 35, 42, 49, 50]);
});

test('bad options are named with their value, exit code 2, and nothing is written', () => {
  const cases: Array<[string[], RegExp]> = [
    [['--rounds', 'abc'], /--rounds must be a whole number >= 1, got "abc"/],
    [['--seed', '-3'], /--seed must be a whole number from 0 to 4,294,967,295, got "-3"/],
    [['--seed='], /--seed needs a value/],
    [['--seed', '0x10'], /--seed must be a whole number from 0 to 4,294,967,295, got "0x10"/],
    [['--seed', '1', '--seed', '2'], /--seed was given 2 times; give it once/],
    [['--replications', '0'], /--replications must be a whole number from 1 to 1,000,000, got "0"/],
    [['--replications', '1e21'], /--replications must be a whole number from 1 to 1,000,000, got "1e21"/],
    [['--workers', '1.5'], /--workers must be a whole number >= 1, got "1.5"/],
    [['--sample-every', '0'], /--sample-every must be a whole number >= 1, got "0"/],
  ];
  for (const [options, message] of cases) {
    const dir = scratchDir();
    const r = runCli(['run', 'scenarios/tutorial.yaml', '--out', join(dir, 'out'), ...options]);
    assert.equal(r.status, 2, `${options.join(' ')}: ${r.stderr}`);
    assert.match(r.stderr, message);
    assert.deepEqual(readdirSync(dir), []);
  }
});

test('pos-sim validate lists the problems with line and field, and accepts a good file', () => {
  const bad = runCli(['validate', 'test/fixtures/scenarios/three-errors.yaml']);
  assert.equal(bad.status, 2);
  assert.equal(bad.stderr.trim().split('\n').length, 3);
  assert.match(bad.stderr, /three-errors\.yaml:9:12 validators\[0\]\.stake: expected an integer >= 0, got -5/);
  const good = runCli(['validate', 'scenarios/whales.yaml']);
  assert.equal(good.status, 0, good.stderr);
  assert.match(good.stdout, /whales\.yaml: ok \(5005 validators/);
});

test("the manifest's scenario digest, hashed in pieces, is sha256 of the scenario's JSON", () => {
  const text = [
    'name: digest',
    'description: \'text that looks like the key: "validators":null\'',
    'seed: 3',
    'rounds: 5',
    'validators:',
    '  - {name: a, count: 3000, stake: 10, submit: {every: 10}}', // some 400 KB of JSON: hashed in pieces
    '  - {name: b, stake: 7, submit: {every: 5}}',
    // Every kind of plan and balance: drawn and given phases, text, listed and drawn stakes, leave, connect.
    '  - {name: c.d, count: 3, stake: {values: [1, 2, 3]}, submit: {every: 7, phase: 1.5}, leave: 90, connect: {at: 3, every: 0.25}}',
    '  - {name: e, count: 4, stake: {lognormal: {median: 32, sigma: 1}}, submit: {poisson: 0.2}, bpm: {uniform: {min: 60, max: 90}}}',
    '  - {name: f, stake: " 12\\n", submit: {at: [1, 2.5]}, bpm: [70, "x"]}',
    '  - {name: g, count: 2, stake: {pareto: {min: 10, alpha: 1.5}}, submit: none}',
  ].join('\n');
  const scenario = loadScenario('digest.yaml', text, {});
  assert.equal(scenarioDigest(scenario), createHash('sha256').update(JSON.stringify(scenario)).digest('hex'));
  // As e7c440f digested it, when every validator was a plain object: members' JSON has not moved.
  assert.equal(scenarioDigest(scenario), '984655d0af9b4a0fd9ff600a8ff6a8971c7466966b2ede1d09624124b23bcd97');
});
