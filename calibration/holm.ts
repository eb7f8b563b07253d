import { ModelRun } from '../src/model/run.js';
import { ValidatorTable } from '../src/report/validator-table.js';
import type { ResolvedScenario } from '../src/scenario/types.js';

/** What fair runs of one scenario gave: how often Holm rejected anything, and how many validators in all. */
export interface HolmCalibration {
  scenario: string;
  runs: number;
  validatorsTested: number;
  /** Per alpha: runs with at least one validator at p_holm < alpha, and validators rejected in all. */
  byAlpha: { alpha: number; runsRejecting: number; validatorsRejected: number }[];
}

export const ALPHAS = [0.01, 0.05] as const;

/**
 * Runs `scenario` under the fair lottery with seeds first..first+runs-1 and counts Holm
 * rejections of validators.csv's p_holm: the family-wise error rate is the share of
 * runs rejecting anything, which must be at most alpha (Holm controls it whatever the
 * dependence between validators, given valid p-values).
 */
export function holmCalibration(scenario: ResolvedScenario, runs: number, firstSeed: number, progress: (done: number) => void): HolmCalibration {
  const byAlpha = ALPHAS.map((alpha) => ({ alpha, runsRejecting: 0, validatorsRejected: 0 }));
  let validatorsTested = 0;
  for (let k = 0; k < runs; k++) {
    const seeded = { ...scenario, seed: firstSeed + k };
    const result = new ModelRun(seeded, { round: () => undefined }).runToEnd();
    const pHolm = new ValidatorTable(seeded, result).fairness.validators.pHolm;
    for (const counts of byAlpha) {
      let rejected = 0;
      for (const p of pHolm) if (p < counts.alpha) rejected++;
      counts.validatorsRejected += rejected;
      if (rejected > 0) counts.runsRejecting++;
    }
    validatorsTested += pHolm.filter((p) => !Number.isNaN(p)).length;
    progress(k + 1);
  }
  return { scenario: scenario.name, runs, validatorsTested, byAlpha };
}
