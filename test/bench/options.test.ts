import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BenchUsageError, parseBenchOptions } from '../../bench/options.js';
import { SPEEDUP, WORKLOADS } from '../../bench/workloads.js';

test('no options: every workload, the speed-up and the sweep, full size, once, the default replications', () => {
  assert.deepEqual(parseBenchOptions([]), { workloads: WORKLOADS, speedup: true, sweep: true, scale: 1, repeat: 1, replications: SPEEDUP.replications, report: false });
});

test('--report: the workloads draw their report, as pos-sim run does by default', () => {
  const options = parseBenchOptions(['--only', 'million', '--report']);
  assert.ok(options !== 'help');
  assert.deepEqual([options.workloads, options.report], [['million'], true]);
});

test('--only sweep runs the sweep speed-up alone', () => {
  const options = parseBenchOptions(['--only', 'sweep']);
  assert.ok(options !== 'help');
  assert.deepEqual([options.workloads, options.speedup, options.sweep], [[], false, true]);
});

test('--only picks workloads in the fixed order, and the speed-up only when named', () => {
  const options = parseBenchOptions(['--only', 'long, whales-10k']);
  assert.ok(options !== 'help');
  assert.deepEqual(options.workloads, ['whales-10k', 'long']);
  assert.equal(options.speedup, false);
  const speedupOnly = parseBenchOptions(['--only', 'workers', '--replications', '100']);
  assert.ok(speedupOnly !== 'help');
  assert.deepEqual([speedupOnly.workloads, speedupOnly.speedup, speedupOnly.replications], [[], true, 100]);
});

test('bad values are refused with the option and the value', () => {
  const cases: Array<[string[], RegExp]> = [
    [['--only', 'nope'], /--only: unknown workload "nope"/],
    [['--scale', '0'], /--scale: expected a number > 0, got "0"/],
    [['--repeat', '1.5'], /--repeat: expected an integer >= 1, got "1.5"/],
    [['--replications', '1'], /--replications: expected an integer from 2 to 10000, got "1"/],
    [['--replications', '2.5'], /--replications: expected an integer from 2 to 10000, got "2.5"/],
    [['--replications', '1e21'], /--replications: expected an integer from 2 to 10000, got "1e21"/],
    [['--replications', ''], /--replications: expected an integer from 2 to 10000, got ""/],
    [['--scale', '0x10'], /--scale: expected a number > 0, got "0x10"/],
    [['--repeat', ' 3'], /--repeat: expected an integer >= 1, got " 3"/],
    [['--only', 'long', '--replications', '50'], /--replications: only workers runs replications, and --only leaves it out/],
    [['--frobnicate'], /frobnicate/],
  ];
  for (const [argv, message] of cases) assert.throws(() => parseBenchOptions(argv), (e: unknown) => e instanceof BenchUsageError && message.test(e.message), argv.join(' '));
});

test('--help', () => {
  assert.equal(parseBenchOptions(['--help']), 'help');
});
