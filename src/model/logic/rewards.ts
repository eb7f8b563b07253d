import type { ResolvedRewards } from '../../scenario/types.js';

/**
 * Tokens the winner of round `round` (1-based) earns. Whole tokens only, so that the
 * lottery keeps drawing over integer tickets exactly; a capped validator earns only
 * up to its cap.
 * @param totalStake all validators' stake now (for inflation)
 * @param winnerStake the winner's stake now (for the cap)
 */
export function rewardFor(rewards: ResolvedRewards, round: number, totalStake: number, winnerStake: number): number {
  const rule = rewards.rule;
  let reward: number;
  switch (rule.kind) {
    case 'none':
      return 0;
    case 'constant':
      reward = rule.amount;
      break;
    case 'inflation':
      reward = Math.floor(rule.rate * totalStake);
      break;
    case 'geometric':
      reward = Math.floor(rule.initial * rule.ratio ** (round - 1));
      break;
  }
  if (rewards.capStake !== null) reward = Math.max(0, Math.min(reward, rewards.capStake - winnerStake));
  return reward;
}
