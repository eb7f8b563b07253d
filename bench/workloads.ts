import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatProblem, loadScenario, ScenarioError } from '../src/scenario/load.js';

/** The benchmark's fixed workloads, in the order they run; each is `bench/workloads/<name>.yaml`. */
export const WORKLOADS = ['whales-10k', 'whales-100k', 'long', 'compounding', 'million'] as const;
export type WorkloadName = (typeof WORKLOADS)[number];

/**
 * The workers speed-up: `replications` replications of `workload` (the default; the
 * bench's --replications changes it), on one worker and on every core (`--only workers`
 * runs it alone; it comes after the workloads).
 */
export const SPEEDUP = { name: 'workers', workload: 'whales-10k', replications: 20 } as const;

/**
 * The sweep speed-up: `pos-sim sweep` of this file (4 cells x 100 replications) on one
 * worker and on every core (`--only sweep` runs it alone; it comes last). Long enough
 * that a worker's start-up is small beside its work.
 */
export const SWEEP = { name: 'sweep', file: 'bench/workloads/sweep.yaml' } as const;

export const REPO_ROOT = fileURLToPath(new URL('../', import.meta.url));

/** The workload's scenario file, relative to the repository root (the CLI runs from there). */
export function workloadFile(name: WorkloadName): string {
  return `bench/workloads/${name}.yaml`;
}

export type WorkloadCheck = { ok: true; rounds: number } | { ok: false; problem: string };

/**
 * Validates a workload exactly as `pos-sim validate` does and returns its full-size rounds.
 * A file the simulator rejects is reported, not thrown: the bench skips it and goes on.
 */
export function checkWorkload(name: WorkloadName): WorkloadCheck {
  const file = workloadFile(name);
  try {
    const scenario = loadScenario(file, readFileSync(join(REPO_ROOT, file), 'utf8'));
    if (scenario.rounds === null) return { ok: false, problem: `${file}: a workload must set rounds` };
    return { ok: true, rounds: scenario.rounds };
  } catch (error) {
    if (error instanceof ScenarioError) return { ok: false, problem: error.problems.map(formatProblem).join('; ') };
    throw error;
  }
}

/** Rounds for a run at `scale` of the full size: at least one. */
export function scaledRounds(rounds: number, scale: number): number {
  return Math.max(1, Math.round(rounds * scale));
}
