/** A CSV row as read with its header: column name -> the field's text. */
export type CsvRecord = Readonly<Record<string, string>>;

/**
 * Read access to one results folder. Charts read through this and never touch the
 * file system (only src/cli does); CSV rows arrive one by one because rounds.csv
 * grows with the length of the run.
 */
export interface ResultsSource {
  /** The whole text of a small file (the JSON ones), or null when the folder has none. */
  text(name: string): Promise<string | null>;
  /** The rows of a CSV file, or null when the folder has none. */
  rows(name: string): AsyncIterable<CsvRecord> | null;
}

/** A numeric CSV field; null when the column is missing or the field empty (CSV writes NaN as ""). */
export function numberOrNull(row: CsvRecord, column: string): number | null {
  const text = row[column];
  if (text === undefined || text === '') return null;
  const value = Number(text);
  return Number.isFinite(value) ? value : null;
}

/** A numeric CSV field that the contract guarantees; throws naming the column when it is not a number. */
export function requiredNumber(row: CsvRecord, column: string, file: string): number {
  const value = numberOrNull(row, column);
  if (value === null) throw new Error(`${file}: column ${column} should hold a number, got ${JSON.stringify(row[column] ?? null)}`);
  return value;
}

/** A text CSV field that the contract guarantees. */
export function requiredText(row: CsvRecord, column: string, file: string): string {
  const text = row[column];
  if (text === undefined) throw new Error(`${file}: missing column ${column}`);
  return text;
}
