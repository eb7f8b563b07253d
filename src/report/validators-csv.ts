import { stringify } from 'csv-stringify/sync';
import { ratioText } from './format.js';
import { COMMA, NEWLINE, type TextBytes } from './text-bytes.js';
import { RecentTuples } from './recent-tuples.js';
import type { ValidatorRow, ValidatorTable } from './validator-table.js';

/** validators.csv's columns: the row's field, the column's name (its snake_case). The reader's ValidatorRecord is derived from it. */
export const VALIDATORS_CSV_COLUMNS = [
  ['id', 'id'],
  ['group', 'group'],
  ['address', 'address'],
  ['balance', 'balance'],
  ['initialStake', 'initial_stake'],
  ['stake', 'stake'],
  ['blocksSubmitted', 'blocks_submitted'],
  ['roundsInPool', 'rounds_in_pool'],
  ['wins', 'wins'],
  ['expectedWins', 'expected_wins'],
  ['winVariance', 'win_variance'],
  ['globalShare', 'global_share'],
  ['winShare', 'win_share'],
  ['expectedShare', 'expected_share'],
  ['announcementsReceived', 'announcements_received'],
  ['winRate', 'win_rate'],
  ['expectedRate', 'expected_rate'],
  ['wilsonLow', 'wilson_low'],
  ['wilsonHigh', 'wilson_high'],
  ['z', 'z'],
  ['pValue', 'p_value'],
  ['pHolm', 'p_holm'],
  ['pError', 'p_error'],
] as const satisfies ReadonlyArray<readonly [keyof ValidatorRow, string]>;
const COLUMNS: ReadonlyArray<readonly [keyof ValidatorRow, string]> = VALIDATORS_CSV_COLUMNS;

/**
 * Rows stringified per chunk: one csv-stringify call over 100,000 rows held ~230 MB at
 * once, and chunks over ~256 KB of text are allocated straight into the old generation,
 * where they pile up until a full collection (2,000-row chunks still cost 180 MB at
 * 100,000 validators); 200 rows stay small enough to die young.
 */
const ROWS_PER_CHUNK = 200;

/** What makes csv-stringify quote a field (delimiter, quote, record delimiters). */
const NEEDS_QUOTING = /[",\r\n]/;

/**
 * validators.csv in pieces, header first; concatenated they are the file. The raw
 * balance text may hold anything, hence csv-stringify's quoting for a row with a field
 * that needs it; other rows are joined by hand, as csv-stringify would write them (its
 * per-field work was a tenth of a 100,000-validator run).
 */
export function* validatorsCsvChunks(rows: Iterable<ValidatorRow>): Generator<string> {
  yield validatorsCsvHeader();
  let chunk = '';
  let inChunk = 0;
  for (const r of rows) {
    const line = plainLine(r);
    chunk += line ?? quotedLine(r);
    if (++inChunk === ROWS_PER_CHUNK) {
      yield chunk;
      chunk = '';
      inChunk = 0;
    }
  }
  if (inChunk > 0) yield chunk;
}

const STRINGIFY_OPTIONS = { columns: COLUMNS.map(([, name]) => name), cast: { number: ratioText } };

/** validators.csv's first line. */
export function validatorsCsvHeader(): string {
  return stringify([], { ...STRINGIFY_OPTIONS, header: true });
}

/** The row's CSV line through csv-stringify, quoting what needs it. */
function quotedLine(r: ValidatorRow): string {
  return stringify([COLUMNS.map(([key]) => r[key])], STRINGIFY_OPTIONS);
}

/** Where {@link writeValidatorsCsvRows} writes: a buffer of bytes, written out when full. */
export interface ByteSink {
  readonly pending: TextBytes;
  flushIfFull(): void;
}

/**
 * validators.csv's rows, written straight from the table's columns as UTF-8 bytes:
 * the same bytes as {@link validatorsCsvChunks} of `table.rows()` (a test compares the
 * two on random runs), without a row object and some 25 strings per validator
 * (numbers that are integers, most of a row, are written as digits). At 1,000,000
 * validators the row objects and their strings were about 3 s of CPU. A row with a
 * field that needs quoting goes through csv-stringify, as before.
 */
export function writeValidatorsCsvRows(table: ValidatorTable, out: ByteSink, addresses: AddressWriter = addressesOf(table)): void {
  // Up to 4,096 tails of up to 512 bytes (2.6 MB): the million bench workload's 2,093 distinct ones fit.
  const tails = new RecentTuples(TAIL_KEY_WIDTH, Math.min(12, 1 + Math.ceil(Math.log2(table.count + 1))), 512);
  // Loop alone in its function (docs/performance.md, "Nothing after a long loop").
  for (let i = 0; i < table.count; i++) writeValidatorsCsvRow(table, i, out, addresses, tails);
}

/** The figures a row's tail (what follows its balance) is made of: all but the win and expected shares, which are wins and expected wins over the rounds. */
const TAIL_KEY_WIDTH = 17;

/**
 * Where validators.csv's rows get their addresses: made as text from the run's totals
 * (the default), or from digests another thread made (report/shared-addresses.ts).
 */
export interface AddressWriter {
  /** Writes validator i's address (hex; nothing if it has none). */
  writeAddress(i: number, out: TextBytes): void;
}

function addressesOf(table: ValidatorTable): AddressWriter {
  const totals = table.totals;
  return { writeAddress: (i, out) => out.text(totals.addressOf(i)) };
}

function writeValidatorsCsvRow(table: ValidatorTable, i: number, out: ByteSink, addresses: AddressWriter, tails: RecentTuples): void {
  const b = out.pending;
  const rowStart = b.length;
  // The id, group and balance are checked for quoting as written (UTF-8 never makes
  // those bytes out of other characters); the address is hex or empty.
  table.writeIdOf(i, b);
  if (b.csvQuotingNeededSince(rowStart)) return writeQuotedRow(table, i, rowStart, out);
  const groupStart = b.char(COMMA).length;
  b.text(table.groupOf(i));
  if (b.csvQuotingNeededSince(groupStart)) return writeQuotedRow(table, i, rowStart, out);
  addresses.writeAddress(i, b.char(COMMA));
  const balanceStart = b.char(COMMA).length;
  b.text(table.totals.balanceText[i] as string);
  if (b.csvQuotingNeededSince(balanceStart)) return writeQuotedRow(table, i, rowStart, out);
  // The rest is numbers, and rows repeat them: written once per distinct tail (see RecentTuples).
  fillTailKey(table, i, tails.key);
  if (tails.find()) tails.writeFound(b);
  else {
    const tailStart = b.length;
    writeTail(table, i, b);
    tails.keep(b, tailStart);
  }
  out.flushIfFull();
}

/** The row's figures that its tail is made of, in {@link writeTail}'s order: a figure added to the tail must be added here. */
function fillTailKey(table: ValidatorTable, i: number, key: Float64Array): void {
  const v = table.totals;
  const f = table.fairness.validators;
  key[0] = v.initialStake[i] as number;
  key[1] = v.stake[i] as number;
  key[2] = v.blocksSubmitted[i] as number;
  key[3] = v.roundsInPool[i] as number;
  key[4] = v.wins[i] as number;
  key[5] = v.expectedWins[i] as number;
  key[6] = v.winVariance[i] as number;
  key[7] = table.globalShares[i] as number;
  key[8] = v.announcementsReceived[i] as number;
  key[9] = f.winRate[i] as number;
  key[10] = f.expectedRate[i] as number;
  key[11] = f.wilsonLow[i] as number;
  key[12] = f.wilsonHigh[i] as number;
  key[13] = f.z[i] as number;
  key[14] = f.pValue[i] as number;
  key[15] = f.pHolm[i] as number;
  key[16] = f.pError[i] as number;
}

/** What follows the row's balance: its figures, each after a comma, and the line's end. */
function writeTail(table: ValidatorTable, i: number, b: TextBytes): void {
  const v = table.totals;
  const f = table.fairness.validators;
  const rounds = table.rounds;
  const wins = v.wins[i] as number;
  const expectedWins = v.expectedWins[i] as number;
  b.char(COMMA).ratio(v.initialStake[i] as number).char(COMMA).ratio(v.stake[i] as number).char(COMMA);
  b.ratio(v.blocksSubmitted[i] as number).char(COMMA).ratio(v.roundsInPool[i] as number).char(COMMA);
  b.ratio(wins).char(COMMA).ratio(expectedWins).char(COMMA).ratio(v.winVariance[i] as number).char(COMMA);
  b.ratio(table.globalShares[i] as number).char(COMMA);
  b.ratio(rounds > 0 ? wins / rounds : 0).char(COMMA).ratio(rounds > 0 ? expectedWins / rounds : 0).char(COMMA);
  b.ratio(v.announcementsReceived[i] as number).char(COMMA);
  b.ratio(f.winRate[i] as number).char(COMMA).ratio(f.expectedRate[i] as number).char(COMMA);
  b.ratio(f.wilsonLow[i] as number).char(COMMA).ratio(f.wilsonHigh[i] as number).char(COMMA);
  b.ratio(f.z[i] as number).char(COMMA).ratio(f.pValue[i] as number).char(COMMA);
  b.ratio(f.pHolm[i] as number).char(COMMA).ratio(f.pError[i] as number).char(NEWLINE);
}

/** The row, written again from `rowStart` through csv-stringify: a field needs quoting. */
function writeQuotedRow(table: ValidatorTable, i: number, rowStart: number, out: ByteSink): void {
  out.pending.truncate(rowStart);
  out.pending.text(quotedLine(table.row(i)));
  out.flushIfFull();
}

/** The row's CSV line if no field needs quoting, else null. */
function plainLine(r: ValidatorRow): string | null {
  let line = '';
  for (let k = 0; k < COLUMNS.length; k++) {
    const field = r[(COLUMNS[k] as [keyof ValidatorRow, string])[0]];
    if (typeof field === 'string' && NEEDS_QUOTING.test(field)) return null;
    const text = typeof field === 'number' ? ratioText(field) : field;
    line += k === 0 ? text : `,${text}`;
  }
  return `${line}\n`;
}
