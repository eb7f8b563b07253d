import { formatPythonDatetime } from './python-text.js';
import { sha256Hex } from './sha256.js';

/**
 * The validators' addresses, made when someone reads them. The seed's address is
 * `sha256(str(datetime.now()))` at connect, so a connection's connect instant (and,
 * under the fixed rules, the `#k` that made it unique) is all it takes: holding
 * 100,000 hex strings for the whole run cost 9 MB.
 */
export class AddressBook {
  /** Connect instant per connection, µs; NaN for one without an address (never connected, or refused). */
  private readonly connectUs: Float64Array;
  /** The fixed rules' `#k` of the few connections that needed one. */
  private readonly suffixes = new Map<number, number>();

  constructor(
    private readonly startEpochUs: number,
    connections: number,
  ) {
    this.connectUs = new Float64Array(connections).fill(Number.NaN);
  }

  /** `connection` took the address of (its connect instant, suffix). */
  enter(connection: number, connectUs: number, suffix: number): void {
    this.connectUs[connection] = connectUs;
    if (suffix !== 0) this.suffixes.set(connection, suffix);
  }

  /** When `connection` connected, µs (NaN if it has no address). */
  connectUsOf(connection: number): number {
    return this.connectUs[connection] as number;
  }

  /** The connection's address as the seed prints it, or '' if it has none. */
  addressOf(connection: number): string {
    const connectUs = this.connectUs[connection] as number;
    if (Number.isNaN(connectUs)) return '';
    const timestamp = formatPythonDatetime(this.startEpochUs + connectUs);
    const suffix = this.suffixes.get(connection) ?? 0;
    // The text hashed: `str(datetime)` at connect, with `#k` when k > 0.
    return sha256Hex(suffix === 0 ? timestamp : `${timestamp}#${suffix}`);
  }
}
