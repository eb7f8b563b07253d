import type { ScenarioDocument } from '../../src/scenario/schema.js';

/** A scenario with entries of every kind: drawn, fixed and listed stakes, an entry of one, a text balance, a name outside ASCII with a quote, a large balance. */
export const MEMBER_KINDS: ScenarioDocument = {
  name: 'members',
  seed: 9,
  rounds: 10,
  validators: [
    { name: 'drawn', count: 40, stake: { uniform: { min: 1, max: 5 } }, submit: { every: 10 } },
    { name: 'fixed', count: 3, stake: 7, connect: { at: 2, every: 0.5 }, submit: { every: 10, phase: 1 }, leave: 100 },
    { name: 'listed', count: 2, stake: { values: [3, 4] }, submit: { poisson: 0.5 }, bpm: [60, 'x'] },
    { name: 'one', stake: 'abc', submit: 'none' },
    { name: 'größe "q"', count: 2, stake: 2 ** 60, submit: { every: 3 } },
  ],
};
