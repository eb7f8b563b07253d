import { test } from 'node:test';
import assert from 'node:assert/strict';
import { RunSenders } from '../../../src/model/counting/run-senders.js';
import { deriveStream } from '../../../src/rng/stream.js';

const P = 30_000_000;

test('senders counted per run: below every window end, as many as a list of their residues has', () => {
  const rng = deriveStream(1, 'test', 'run-senders');
  let checks = 0;
  let onBounds = 0;
  // Intervals with whole-ms phases (found in the ms table) and 468.75 ms, whose phases
  // are x.750 ms (found by binary search); residues often on those bounds.
  for (const intervalUs of [10_000_000, 7_000_000, P, 468_750]) {
    for (let trial = 0; trial < 10; trial++) {
      const n = 1 + rng.nextIntBelow(30);
      const msBelow = Math.floor(intervalUs / 1000);
      const residuesUs = Float64Array.from({ length: n }, () => {
        const kind = rng.nextIntBelow(3);
        const r = kind === 0 ? rng.nextIntBelow(intervalUs) : 1000 * rng.nextIntBelow(msBelow) + (kind === 1 ? 0 : 250);
        return Math.min(r, intervalUs - 1);
      }).sort();
      const senders = new RunSenders(residuesUs, intervalUs, P);
      const residuesModP: number[] = [];
      let cycleStartUs = intervalUs * rng.nextIntBelow(4);
      let cursor = rng.nextIntBelow(n);
      for (let step = 0; step < 60; step++) {
        const from = rng.nextIntBelow(8) === 0 ? rng.nextIntBelow(n) : cursor;
        const to = from + 1 + rng.nextIntBelow(n - from);
        senders.addRun(from, to, cycleStartUs);
        for (let i = from; i < to; i++) residuesModP.push((cycleStartUs + (residuesUs[i] as number)) % P);
        cursor = to === n ? 0 : to;
        if (cursor === 0) cycleStartUs += intervalUs;
        for (let q = 0; q < 6; q++) {
          // Window ends are whole ms; half of them exactly at some sender's residue.
          const atSender = residuesModP[rng.nextIntBelow(residuesModP.length)] as number;
          const rho = q % 2 === 0 && atSender % 1000 === 0 ? atSender : 1000 * rng.nextIntBelow(P / 1000 + 1);
          if (residuesModP.includes(rho)) onBounds++;
          const want = residuesModP.filter((r) => r < rho).length;
          assert.equal(senders.countBelow(rho), want, `interval ${intervalUs}, step ${step}, rho ${rho}`);
          checks++;
        }
      }
    }
  }
  assert.ok(checks > 2000 && onBounds > 300, `${checks} checks, ${onBounds} on a sender's residue`);
});
