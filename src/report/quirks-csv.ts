import type { PeriodRecord } from '../model/records.js';
import { COMMA, NEWLINE, type TextBytes } from './text-bytes.js';

/** quirks.csv's columns (lottery_alive: 1 while the lottery thread lives, 0 once it died); the reader's QuirksRecord is derived from them. */
export const QUIRKS_CSV_COLUMNS = [
  'time_s', 'rounds', 'stale_blocks', 'lottery_alive', 'announcements_made', 'announcements_delivered', 'announcements_lost',
  'sync_messages', 'sync_bytes', 'threads',
] as const;
export const QUIRKS_CSV_HEADER = `${QUIRKS_CSV_COLUMNS.join(',')}\n`;

/**
 * Writes one quirks.csv line (numbers as `${x}`): cumulative counts, except sync
 * traffic (within the period) and threads (at its end).
 */
export function writeQuirksCsvLine(p: PeriodRecord, out: TextBytes): void {
  out.seconds(p.timeUs).char(COMMA).number(p.rounds).char(COMMA).number(p.staleBlocks).char(COMMA);
  out.number(p.lotteryAlive ? 1 : 0).char(COMMA).number(p.announcementsMade).char(COMMA);
  out.number(p.announcementsDelivered).char(COMMA).number(p.announcementsLost).char(COMMA);
  out.number(p.syncMessages).char(COMMA).number(p.syncBytes).char(COMMA).number(p.threads).char(NEWLINE);
}
