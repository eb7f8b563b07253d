import type { RunSummary } from './summary.js';

const pct = (x: number): string => (Number.isFinite(x) ? `${(100 * x).toFixed(2)}%` : '-');

/** Bytes in the largest unit that keeps the number readable. */
export function bytesText(bytes: number): string {
  const units = ['B', 'kB', 'MB', 'GB', 'TB', 'PB', 'EB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit++;
  }
  return `${unit === 0 ? value : value.toFixed(1)} ${units[unit]}`;
}

/** The lines `pos-sim run` prints: what happened, whether wins follow stake, and what the quirks cost. */
export function summaryText(s: RunSummary): string {
  const q = s.quirks;
  const f = s.fairness;
  const lines = [
    `${s.scenario} (seed ${s.seed}, rules ${s.rules}, lottery ${s.lottery}): ${s.validators} validators, ` +
      `${s.rounds} rounds, ended by ${s.stopReason} at t=${s.endTimeSeconds}s`,
    `fairness: ${f.headlineVerdict}`,
    f.headline === 'winner-pit' ? `  per round (chi-square): ${f.verdict}` : `  each draw: ${f.winnerPit.verdict}`,
  ];
  if (f.totalVariation !== null && f.expectedTotalVariation !== null) {
    lines.push(`  total variation ${f.totalVariation.toFixed(4)} (a fair lottery gives ${f.expectedTotalVariation.toFixed(4)} on average)`);
  }
  lines.push(`  global: ${f.global.verdict}`);
  if (f.note) lines.push(`  note: ${f.note}`);
  if (q.halt) {
    lines.push(`lottery thread died at t=${q.haltTimeSeconds}s after round ${q.halt.afterRound}: ${q.halt.reason}`);
  }
  // Under the seed's rules these are the seed server's threads and traffic, not pos-sim's.
  const whose = s.rules === 'seed' ? ' (what the seed server would do)' : '';
  lines.push(
    `quirks: ${q.staleBlocksAppended} stale blocks appended; announcements made/delivered/lost ` +
      `${q.announcementsMade}/${q.announcementsDelivered}/${q.announcementsLost}; peak threads ${q.peakThreads}, ` +
      `sync traffic ${q.syncMessages} messages, ${bytesText(Number(q.syncBytes))}${whose}; address collisions ${q.addressCollisions}`,
  );
  const c = s.concentration;
  lines.push(
    `concentration at the end: stake Gini ${c.stake.gini.toFixed(4)}, Nakamoto(>50%) ${c.stake.nakamoto50}, HHI ${c.stake.herfindahlHirschman.toFixed(4)}; ` +
      `blocks Gini ${c.blocks.gini.toFixed(4)}, Nakamoto(>50%) ${c.blocks.nakamoto50}`,
  );
  lines.push('group        validators  stake share  win share [95% Wilson]     expected (per round)');
  for (const g of s.groups) {
    const interval = `[${pct(g.winShareLow)}, ${pct(g.winShareHigh)}]`;
    lines.push(
      `${g.group.padEnd(12)} ${String(g.validators).padStart(10)}  ${pct(g.globalShare).padStart(11)}  ` +
        `${pct(g.winShare).padStart(8)} ${interval.padEnd(19)} ${pct(g.expectedShare).padStart(10)}`,
    );
  }
  if (s.replications) lines.push(...replicationLines(s.replications));
  return lines.join('\n');
}

function replicationLines(r: NonNullable<RunSummary['replications']>): string[] {
  const lines = [
    `replications: ${r.count}; mean final stake Gini ${r.meanFinalStakeGini.toFixed(4)}, mean Nakamoto(>50%) ${r.meanFinalStakeNakamoto50.toFixed(2)}`,
    `  rejections of a fair lottery: winner PIT (KS) at 1% in ${r.pitRejections}, at 5% in ${r.pitRejectionsAt5}; ` +
      `per-round chi-square at 1% in ${r.fairnessRejections}, at 5% in ${r.fairnessRejectionsAt5}`,
    `  martingale: ${r.martingaleVerdict}`,
    '  tracked        initial share  mean final share [95% CI]           sd',
  ];
  for (const t of r.tracked) {
    lines.push(
      `  ${t.series.padEnd(14)} ${pct(t.initialShare).padStart(13)}  ${pct(t.meanFinalShare).padStart(8)} [${pct(t.ciLow)}, ${pct(t.ciHigh)}]`.padEnd(70) +
        ` ${pct(t.sdFinalShare)}`,
    );
  }
  lines.push(`  closed form: ${r.betaBinomial?.verdict ?? r.binomial?.verdict ?? r.betaBinomialNote}`);
  return lines;
}
