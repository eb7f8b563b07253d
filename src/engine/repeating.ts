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

/** A periodic timer: `tick` at firstTime, firstTime + period, ... while it returns true. */
export function startPeriodic(
  sim: Simulation,
  firstTime: number,
  period: number,
  priority: number,
  tick: () => boolean,
): void {
  if (!(period > 0)) throw new RangeError(`startPeriodic: period must be > 0, got ${period}`);
  startRepeating(sim, firstTime, priority, () => (tick() ? sim.now + period : null));
}
