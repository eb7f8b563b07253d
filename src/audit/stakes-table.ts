/**
 * The stakes of an audit: a CSV with a header row holding `address` and `stake` columns
 * (others are ignored, so pos-sim's own validators.csv is one). Pure: the caller reads
 * the file and names it.
 */
import { parse } from 'csv-parse/sync';

/** A problem of the table, with the 1-based line it is on (0: the whole table). */
export class StakesTableError extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(message);
  }
}

/**
 * @returns stake per address, in file order
 * @throws StakesTableError naming the line, column and value of the first problem
 * @example stakesTable('address,stake\nab12,100\n') // Map { 'ab12' => 100 }
 */
export function stakesTable(text: string): Map<string, number> {
  let rows: string[][];
  try {
    rows = parse(text, { relax_column_count: true, skip_empty_lines: true, bom: true }) as string[][];
  } catch (error) {
    const line = (error as { lines?: number }).lines ?? 0;
    throw new StakesTableError(line, `not a CSV table: ${(error as Error).message}`);
  }
  const header = rows[0];
  if (header === undefined) throw new StakesTableError(0, 'empty: expected a header row with address and stake columns');
  const addressAt = header.indexOf('address');
  const stakeAt = header.indexOf('stake');
  if (addressAt < 0 || stakeAt < 0) {
    throw new StakesTableError(1, `header: expected columns "address" and "stake", got ${JSON.stringify(header.join(','))}`);
  }
  const stakes = new Map<string, number>();
  rows.slice(1).forEach((row, i) => {
    // skip_empty_lines drops blank lines, so a row's line is only exact for tables without them.
    const line = i + 2;
    const address = row[addressAt] ?? '';
    const stakeText = row[stakeAt] ?? '';
    if (address === '') throw new StakesTableError(line, 'address: expected a validator address, got ""');
    if (stakes.has(address)) throw new StakesTableError(line, `address: ${address} appears twice`);
    const stake = /^\d+$/.test(stakeText.trim()) ? Number(stakeText.trim()) : NaN;
    if (!Number.isSafeInteger(stake)) throw new StakesTableError(line, `stake: expected an integer >= 0, got ${JSON.stringify(stakeText)}`);
    stakes.set(address, stake);
  });
  if (stakes.size === 0) throw new StakesTableError(0, 'no rows: expected one address and stake per line after the header');
  return stakes;
}
