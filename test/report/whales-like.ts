/**
 * A 5,000-validator results folder in memory, shaped like the bundled whales
 * scenario: 5 whales with 1,000,000 each and 4,995 small validators with 50 to
 * 150, all in every round's pool. Wins are dealt by a fixed rule, not drawn: the
 * tests here are about the size of the pictures, not about fairness.
 */
export function whalesLikeFolder(rounds: number): Record<string, string> {
  const validators = Array.from({ length: 5000 }, (_, i) => ({
    id: i < 5 ? `whale-${i}` : `small-${i - 5}`,
    group: i < 5 ? 'whale' : 'small',
    stake: i < 5 ? 1_000_000 : 50 + ((i * 37) % 101),
  }));
  const total = validators.reduce((s, v) => s + v.stake, 0);
  const wins = validators.map(() => 0);
  let roundsCsv = 'round,time_s,pool_validators,pool_stake,winner,winner_stake,winner_p,block_index,block_position,stale\n';
  for (let r = 1; r <= rounds; r++) {
    // Whales win 9 rounds in 10, in turn; the tenth goes to a small validator in turn.
    const winner = r % 10 === 0 ? 5 + ((r / 10) % 4995) : r % 5;
    wins[winner] = (wins[winner] as number) + 1;
    const v = validators[winner]!;
    roundsCsv += `${r},${10 * r},5000,${total},${v.id},${v.stake},${v.stake / total},${r},${r},0\n`;
  }
  let validatorsCsv =
    'id,group,address,balance,stake,blocks_submitted,rounds_in_pool,wins,expected_wins,win_variance,global_share,win_share,expected_share,announcements_received\n';
  validators.forEach((v, i) => {
    const p = v.stake / total;
    validatorsCsv += `${v.id},${v.group},addr${i},${v.stake},${v.stake},${rounds},${rounds},${wins[i]},${p * rounds},${p * (1 - p) * rounds},${p},${wins[i]! / rounds},${p},0\n`;
  });
  const group = (name: string) => {
    const members = validators.map((v, i) => ({ v, i })).filter(({ v }) => v.group === name);
    const stake = members.reduce((s, { v }) => s + v.stake, 0);
    const w = members.reduce((s, { i }) => s + wins[i]!, 0);
    const variance = members.reduce((s, { v }) => s + (v.stake / total) * (1 - v.stake / total) * rounds, 0);
    return { group: name, validators: members.length, stake, globalShare: stake / total, wins: w, expectedWins: (stake / total) * rounds, winVariance: variance, winShare: w / rounds, expectedShare: stake / total };
  };
  const summary = {
    scenario: 'whales-like', seed: 1, rules: 'fixed', lottery: 'periodic', validators: 5000, rounds, stopReason: 'rounds', endTimeSeconds: String(10 * rounds),
    quirks: { staleBlocksAppended: 0, halt: null, haltTimeSeconds: null, announcementsMade: rounds, announcementsDelivered: rounds, announcementsLost: 0, peakThreads: 1, syncMessages: 0, syncBytes: 0, addressCollisions: 0 },
    groups: [group('whale'), group('small')],
    topValidators: [],
  };
  return { 'summary.json': JSON.stringify(summary), 'validators.csv': validatorsCsv, 'rounds.csv': roundsCsv };
}
