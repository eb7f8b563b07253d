import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Simulation } from '../../../src/engine/simulation.js';
import { ClientDriver } from '../../../src/model/logic/clients.js';
import type { ServerInput } from '../../../src/model/logic/server-input.js';
import type { ResolvedValidator } from '../../../src/scenario/types.js';

/** A server that only notes who connects when, [time, connection]. */
function connectLog(sim: Simulation): { server: ServerInput; connects: Array<[number, number]> } {
  const connects: Array<[number, number]> = [];
  const server: ServerInput = {
    connect: (c) => {
      connects.push([sim.now, c]);
      return true;
    },
    submitLine: () => true,
    submitRun: () => undefined,
    disconnect: () => undefined,
    declarePeriodic: () => undefined,
    linesBeforeSteady: () => null,
    noMoreInput: () => undefined,
  };
  return { server, connects };
}

test('clients connect in (time, connection) order, whatever order their connect times come in', () => {
  // Runs that rise, fall back, tie within an instant, and tie across a fall.
  for (const times of [[5, 5, 3, 5, 7, 7], [0, 0, 0], [9, 8, 7, 6], [1, 2, 3, 2, 2, 1, 4], [4]]) {
    const sim = new Simulation();
    const { server, connects } = connectLog(sim);
    const clients = times.map((connectUs, c) => ({ id: `v${c}`, group: 'v', balance: { kind: 'int', value: 1 }, connectUs, leaveUs: null, submissions: { kind: 'none' }, bpm: { kind: 'cycle', entries: [{ kind: 'int', value: 60 }] } }) as ResolvedValidator);
    new ClientDriver(sim, server, clients, 1);
    sim.runUntil(100);
    const want = times.map((t, c) => [t, c] as [number, number]).sort((a, b) => a[0] - b[0] || a[1] - b[1]);
    assert.deepEqual(connects, want, `connect times ${times}`);
  }
});
