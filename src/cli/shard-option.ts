/**
 * Which shard of a sweep this process runs: `--shard i/n`, or what a cluster's job
 * array says: Slurm (`SLURM_ARRAY_TASK_ID`, `SLURM_ARRAY_TASK_COUNT`, and
 * `SLURM_ARRAY_TASK_MIN`, since an array may be numbered 1-8) or a Kubernetes Indexed
 * Job (`JOB_COMPLETION_INDEX`, with the count from `--shard-count` or
 * `POS_SIM_SHARD_COUNT`, as Kubernetes does not export it).
 */
import type { Shard } from '../sweep/chunks.js';
import { UserError } from './user-error.js';
import { shardCountMissing, shardOutOfRange, shardSyntax, shardUnreadable } from './messages.js';

export function shardOf(option: string | undefined, shardCount: number | undefined, env: NodeJS.ProcessEnv): Shard | null {
  if (option !== undefined) {
    const match = /^(\d+)\/(\d+)$/.exec(option);
    if (!match) throw new UserError(shardSyntax(option));
    return checked(Number(match[1]), Number(match[2]), `--shard ${option}`);
  }
  const slurmId = env['SLURM_ARRAY_TASK_ID'];
  if (slurmId !== undefined && slurmId !== '') {
    const count = env['SLURM_ARRAY_TASK_COUNT'];
    const min = env['SLURM_ARRAY_TASK_MIN'] ?? '0';
    const what = `SLURM_ARRAY_TASK_ID=${slurmId} SLURM_ARRAY_TASK_COUNT=${String(count)} SLURM_ARRAY_TASK_MIN=${min}`;
    if (!isCount(slurmId) || count === undefined || !isCount(count) || !isCount(min)) throw new UserError(shardUnreadable(what));
    return checked(Number(slurmId) - Number(min), Number(count), what);
  }
  const k8sIndex = env['JOB_COMPLETION_INDEX'];
  if (k8sIndex !== undefined && k8sIndex !== '') {
    const fromEnv = env['POS_SIM_SHARD_COUNT'];
    const count = shardCount ?? (fromEnv !== undefined && isCount(fromEnv) ? Number(fromEnv) : undefined);
    if (count === undefined) throw new UserError(shardCountMissing(k8sIndex));
    if (!isCount(k8sIndex)) throw new UserError(shardUnreadable(`JOB_COMPLETION_INDEX=${k8sIndex}`));
    return checked(Number(k8sIndex), count, `JOB_COMPLETION_INDEX=${k8sIndex} of ${count}`);
  }
  return null;
}

const isCount = (text: string): boolean => /^\d{1,9}$/.test(text);

function checked(index: number, count: number, what: string): Shard {
  if (!(count >= 1 && index >= 0 && index < count)) throw new UserError(shardOutOfRange(what));
  return { index, count };
}
