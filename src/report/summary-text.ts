import type { RunSummary } from './summary.js';

const pct = (x: number): string => `${(100 * x).toFixed(2)}%`;

/** The few lines `pos-sim run` prints: what happened, and whether wins follow stake. */
export function summaryText(s: RunSummary): string {
  const q = s.quirks;
  const lines = [
    `${s.scenario} (seed ${s.seed}, rules ${s.rules}, lottery ${s.lottery}): ${s.validators} validators, ` +
      `${s.rounds} rounds, ended by ${s.stopReason} at t=${s.endTimeSeconds}s`,
  ];
  if (q.halt) {
    lines.push(`lottery thread died at t=${q.haltTimeSeconds}s after round ${q.halt.afterRound}: ${q.halt.reason}`);
  }
  lines.push(
    `stale blocks appended: ${q.staleBlocksAppended}; announcements made/delivered/lost: ` +
      `${q.announcementsMade}/${q.announcementsDelivered}/${q.announcementsLost}; peak threads: ${q.peakThreads}; ` +
      `sync traffic: ${q.syncMessages} messages, ${(q.syncBytes / 1e6).toFixed(1)} MB; address collisions: ${q.addressCollisions}`,
  );
  lines.push('group        validators  stake share  win share  expected (pool) share');
  for (const g of s.groups) {
    lines.push(
      `${g.group.padEnd(12)} ${String(g.validators).padStart(10)}  ${pct(g.globalShare).padStart(11)}  ` +
        `${pct(g.winShare).padStart(9)}  ${pct(g.expectedShare).padStart(21)}`,
    );
  }
  return lines.join('\n');
}
