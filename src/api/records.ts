/**
 * The rows of a results folder's CSV files as typed records: each column under its
 * camelCase name (`time_s` -> `timeS`, `p_value` -> `pValue`), numbers as numbers. A
 * number the file leaves empty (not defined: a ratio of zero rounds, a test that needs
 * more data) is NaN. Each record type is derived from its writer's column list, so a
 * column added, renamed or dropped there changes the type here; the columns' meaning is
 * in the README's table of files and beside those lists.
 */
import { parse } from 'csv-parse/sync';
import type { SHARES_CSV_COLUMNS, TIMESERIES_CSV_COLUMNS } from '../report/concentration-csv.js';
import type { QUIRKS_CSV_COLUMNS } from '../report/quirks-csv.js';
import type { REPLICATIONS_CSV_COLUMNS } from '../report/replications-csv.js';
import type { ROUNDS_CSV_COLUMNS } from '../report/rounds-csv.js';
import type { VALIDATORS_CSV_COLUMNS } from '../report/validators-csv.js';

/** The columns of each file that hold text; every other column is a number. */
const TEXT_COLUMNS = ['id', 'group', 'address', 'balance', 'series', 'stop_reason', 'tracked', 'winner'] as const;
const TEXT_COLUMN_SET: ReadonlySet<string> = new Set(TEXT_COLUMNS);

/** `entropy_bits` -> `entropyBits`, as {@link camelCase} does it. */
type CamelCase<Column extends string> = Column extends `${infer Head}_${infer First}${infer Rest}`
  ? `${Head}${Uppercase<First>}${CamelCase<Rest>}`
  : Column;

/** A row of a CSV file with these columns, as {@link csvRecords} reads it. */
type CsvRecordOf<Column extends string> = {
  [C in Column as CamelCase<C>]: C extends (typeof TEXT_COLUMNS)[number] ? string : number;
};

/** validators.csv: one validator at the end of the run (the columns of ValidatorRow). */
export type ValidatorRecord = CsvRecordOf<(typeof VALIDATORS_CSV_COLUMNS)[number][1]>;

/** timeseries.csv: concentration of stake and of blocks produced, every `sampleEvery` rounds. */
export type TimeseriesRecord = CsvRecordOf<(typeof TIMESERIES_CSV_COLUMNS)[number]>;

/** shares.csv: a tracked validator's or group's share of stake and of blocks so far. */
export type ShareRecord = CsvRecordOf<(typeof SHARES_CSV_COLUMNS)[number]>;

/** quirks.csv: one sync period (30 s) of the server. */
export type QuirksRecord = CsvRecordOf<(typeof QUIRKS_CSV_COLUMNS)[number]>;

/** replications.csv: one (replication, tracked series). */
export type ReplicationRecord = CsvRecordOf<(typeof REPLICATIONS_CSV_COLUMNS)[number]>;

/** rounds.csv: one lottery draw. */
export type RoundRecord = CsvRecordOf<(typeof ROUNDS_CSV_COLUMNS)[number]>;

/** A CSV file's text as records (`T` names the file's columns; see the types above). */
export function csvRecords<T>(text: string): T[] {
  const rows = parse(text, { columns: (header: string[]) => header.map(camelCase), skip_empty_lines: true }) as Record<string, string>[];
  const header = text.slice(0, text.indexOf('\n')).split(',');
  const numeric = header.filter((c) => !TEXT_COLUMN_SET.has(c)).map(camelCase);
  for (const row of rows) {
    for (const key of numeric) row[key] = (row[key] === '' ? NaN : Number(row[key])) as unknown as string;
  }
  return rows as unknown as T[];
}

/** `entropy_bits` -> `entropyBits`, `stake_nakamoto50` -> `stakeNakamoto50`. */
function camelCase(column: string): string {
  return column.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());
}
