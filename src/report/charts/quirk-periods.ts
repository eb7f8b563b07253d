import { requiredNumber, type CsvRecord } from './results-source.js';

/** One sync period of quirks.csv (or the mean of several, once thinned). */
export interface QuirkPeriod {
  readonly time: number;
  readonly rounds: number;
  readonly staleBlocks: number;
  readonly lotteryAlive: boolean;
  readonly announcementsMade: number;
  readonly announcementsDelivered: number;
  readonly announcementsLost: number;
  /** Within one period (a mean per period once thinned). */
  readonly syncMessages: number;
  readonly syncBytes: number;
  readonly threads: number;
}

/** Points per line: one per 30 s of a long run would be a solid block. */
export const MAX_QUIRK_POINTS = 600;

const FILE = 'quirks.csv';

export async function readQuirkPeriods(rows: AsyncIterable<CsvRecord>): Promise<QuirkPeriod[]> {
  const periods: QuirkPeriod[] = [];
  for await (const row of rows) {
    const n = (column: string) => requiredNumber(row, column, FILE);
    periods.push({
      time: n('time_s'),
      rounds: n('rounds'),
      staleBlocks: n('stale_blocks'),
      lotteryAlive: n('lottery_alive') !== 0,
      announcementsMade: n('announcements_made'),
      announcementsDelivered: n('announcements_delivered'),
      announcementsLost: n('announcements_lost'),
      syncMessages: n('sync_messages'),
      syncBytes: n('sync_bytes'),
      threads: n('threads'),
    });
  }
  return periods;
}

/**
 * Merges runs of consecutive periods so that at most `max` remain. Each merged
 * period takes the values at its end for the running totals and the thread
 * count, the mean for the per-period sync traffic (so its unit stays "per
 * period"), and counts the lottery dead if it died at any point within.
 */
export function mergePeriods(periods: readonly QuirkPeriod[], max = MAX_QUIRK_POINTS): { periods: QuirkPeriod[]; merged: number } {
  const merged = Math.max(1, Math.ceil(periods.length / max));
  if (merged === 1) return { periods: [...periods], merged };
  const out: QuirkPeriod[] = [];
  for (let i = 0; i < periods.length; i += merged) {
    const run = periods.slice(i, i + merged);
    const last = run[run.length - 1] as QuirkPeriod;
    const mean = (pick: (p: QuirkPeriod) => number) => run.reduce((sum, p) => sum + pick(p), 0) / run.length;
    out.push({
      ...last,
      lotteryAlive: run.every((p) => p.lotteryAlive),
      syncMessages: mean((p) => p.syncMessages),
      syncBytes: mean((p) => p.syncBytes),
    });
  }
  return { periods: out, merged };
}
