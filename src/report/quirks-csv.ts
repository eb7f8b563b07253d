import type { PeriodRecord } from '../model/records.js';
import { secondsText } from './format.js';

export const QUIRKS_CSV_HEADER =
  'time_s,rounds,stale_blocks,lottery_alive,announcements_made,announcements_delivered,announcements_lost,sync_messages,sync_bytes,threads\n';

/** One quirks.csv line: cumulative counts, except sync traffic (within the period) and threads (at its end). */
export function quirksCsvLine(p: PeriodRecord): string {
  return `${secondsText(p.timeUs)},${p.rounds},${p.staleBlocks},${p.lotteryAlive ? 1 : 0},${p.announcementsMade},${p.announcementsDelivered},${p.announcementsLost},${p.syncMessages},${p.syncBytes},${p.threads}\n`;
}
