import type { ServerCounters } from '../records.js';
import { SyncSenders } from '../counting/sync-senders.js';

/**
 * The sync threads' traffic (server-logic.md, "Sync"): every sender writes the whole
 * chain every sync period. The senders are counted in aggregate ({@link SyncSenders});
 * their writes are counted up to an instant whenever the chain is about to change or a
 * period is reported, each write as long as the chain was then (`messageBytes()`).
 * Messages and bytes go into the server's counters.
 */
export class SyncTraffic {
  readonly senders: SyncSenders;
  /** Bytes not yet in counters.syncBytes (see {@link add}). */
  private pendingBytes = 0;
  private atLastPeriod = { messages: 0, bytes: 0n };

  constructor(
    syncUs: number,
    private readonly counters: ServerCounters,
    /** The length of one write: the chain's JSON as it is now. */
    private readonly messageBytes: () => number,
  ) {
    this.senders = new SyncSenders(syncUs);
  }

  /** Counts the writes before `untilUs`. */
  countUntil(untilUs: number): void {
    this.add(this.senders.countUntil(untilUs));
  }

  /** {@link countUntil}, the writes at `nowUs` included (nothing more happens at nowUs). */
  countThrough(nowUs: number): void {
    this.add(this.senders.countThrough(nowUs));
  }

  /** Messages and bytes counted since the previous call (a period's traffic). */
  takePeriod(): { messages: number; bytes: number } {
    const c = this.counters;
    this.flush();
    // A period's own traffic stays far below 2^53 (9 PB in one sync period); the total need not.
    const period = { messages: c.syncMessages - this.atLastPeriod.messages, bytes: Number(c.syncBytes - this.atLastPeriod.bytes) };
    this.atLastPeriod = { messages: c.syncMessages, bytes: c.syncBytes };
    return period;
  }

  /** Moves the bytes counted in a double into the exact total; call before reading it. */
  flush(): void {
    this.counters.syncBytes += BigInt(this.pendingBytes);
    this.pendingBytes = 0;
  }

  /**
   * Sync bytes are exact: the seed's traffic passes 2^53 bytes after a few thousand rounds
   * of a big scenario. They add up in a double while that is exact and go into the bigint
   * total in lumps ({@link flush}): a bigint operation per round cost `long` 5%.
   */
  private add(writes: number): void {
    this.counters.syncMessages += writes;
    const bytes = writes * this.messageBytes();
    if (bytes <= Number.MAX_SAFE_INTEGER - this.pendingBytes) this.pendingBytes += bytes;
    else {
      this.flush();
      this.counters.syncBytes += BigInt(writes) * BigInt(this.messageBytes());
    }
  }
}
