import { formatPythonDatetime } from './python-text.js';
import { sha256Hex } from './sha256.js';

/**
 * What the validators' addresses are made of: plain data, so that another thread can
 * make them (validators.csv's million addresses are half a second of hashing).
 */
export interface AddressInputs {
  /** The epoch instant of the run's time 0, µs. */
  readonly startEpochUs: number;
  /** Connect instant per connection, µs; NaN for one without an address (never connected, or refused). */
  readonly connectUs: Float64Array;
  /** The fixed rules' `#k` of the few connections that needed one. */
  readonly suffixes: ReadonlyMap<number, number>;
}

/**
 * The text hashed to make the connection's address: `str(datetime)` at connect, with
 * `#k` when k > 0; null if it has no address.
 */
export function addressPreimage(inputs: AddressInputs, connection: number): string | null {
  const connectUs = inputs.connectUs[connection] as number;
  if (Number.isNaN(connectUs)) return null;
  const timestamp = formatPythonDatetime(inputs.startEpochUs + connectUs);
  const suffix = inputs.suffixes.get(connection) ?? 0;
  return suffix === 0 ? timestamp : `${timestamp}#${suffix}`;
}

/**
 * The validators' addresses, made when someone reads them. The seed's address is
 * `sha256(str(datetime.now()))` at connect, so a connection's connect instant (and,
 * under the fixed rules, the `#k` that made it unique) is all it takes: holding
 * 100,000 hex strings for the whole run cost 9 MB.
 */
export class AddressBook {
  private readonly connectUs: Float64Array;
  private readonly suffixes = new Map<number, number>();
  /** The book's own columns, read-only to others (see {@link AddressInputs}). */
  readonly inputs: AddressInputs;

  constructor(startEpochUs: number, connections: number) {
    this.connectUs = new Float64Array(connections).fill(Number.NaN);
    this.inputs = { startEpochUs, connectUs: this.connectUs, suffixes: this.suffixes };
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
    const preimage = addressPreimage(this.inputs, connection);
    return preimage === null ? '' : sha256Hex(preimage);
  }
}
