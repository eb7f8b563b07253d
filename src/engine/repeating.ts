import type { Simulation } from './simulation.js';

/**
 * Runs `tick` at `firstTime`, then again at each time it returns, until it returns
 * null. This is a thread that sleeps between wake-ups: the next wake-up is decided
 * when the current one ends, so drift (jitter) accumulates as it does in real threads.
 */
export function startRepeating(
  sim: Simulation,
  firstTime: number,
  priority: number,
  tick: () => number | null,
): void {
  const id = sim.register(() => {
    const next = tick();
    if (next !== null) sim.schedule(next, priority, id);
  });
  sim.schedule(firstTime, priority, id);
}
