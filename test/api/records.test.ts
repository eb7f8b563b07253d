import { test } from 'node:test';
import assert from 'node:assert/strict';
import { csvRecords, type RoundRecord, type TimeseriesRecord, type ValidatorRecord } from '../../src/api/records.js';
import { runScenario } from '../../src/api/index.js';
import { SHARES_CSV_COLUMNS, TIMESERIES_CSV_COLUMNS } from '../../src/report/concentration-csv.js';
import { QUIRKS_CSV_COLUMNS } from '../../src/report/quirks-csv.js';
import { REPLICATIONS_CSV_COLUMNS } from '../../src/report/replications-csv.js';
import { ROUNDS_CSV_COLUMNS } from '../../src/report/rounds-csv.js';
import type { ValidatorRow } from '../../src/report/validator-table.js';
import { VALIDATORS_CSV_COLUMNS } from '../../src/report/validators-csv.js';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { repoPath, runCli, scratchDir } from '../cli/run-cli.js';

/** true only when A and B are the same type (checked by tsc in npm test). */
type Same<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;

const camelCase = (column: string) => column.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());

test('the record types are the writers\' columns: validators.csv has a field of ValidatorRow per column', () => {
  const sameFields: Same<keyof ValidatorRecord, keyof ValidatorRow> = true;
  const textAsText: Same<ValidatorRecord['balance'] | RoundRecord['winner'], string> = true;
  const numbersAsNumbers: Same<TimeseriesRecord['stakeEntropyBits'] | RoundRecord['timeS'], number> = true;
  // The check is tsc's (npm test type-checks before it runs): a record type that drifts from
  // its writer does not compile. At run time the three are true by construction.
  assert.ok(sameFields && textAsText && numbersAsNumbers);
  // The record's field is the camelCase of the column's name, as the writer pairs them.
  for (const [field, column] of VALIDATORS_CSV_COLUMNS) assert.equal(camelCase(column), field);
});

test('every record read from a run has exactly the fields its writer\'s columns name', async () => {
  const r = await runScenario(repoPath('scenarios/churn.yaml'), { keepRounds: true, replications: 2, rounds: 40 });
  const fields = (columns: readonly string[]) => columns.map(camelCase);
  assert.deepEqual(Object.keys(r.validators[0] ?? {}), fields(VALIDATORS_CSV_COLUMNS.map(([, column]) => column)));
  assert.deepEqual(Object.keys(r.timeseries[0] ?? {}), fields(TIMESERIES_CSV_COLUMNS));
  assert.deepEqual(Object.keys(r.shares[0] ?? {}), fields(SHARES_CSV_COLUMNS));
  assert.deepEqual(Object.keys(r.quirks[0] ?? {}), fields(QUIRKS_CSV_COLUMNS));
  assert.deepEqual(Object.keys(r.replications[0] ?? {}), fields(REPLICATIONS_CSV_COLUMNS));
  assert.deepEqual(Object.keys(r.rounds?.[0] ?? {}), fields(ROUNDS_CSV_COLUMNS));
});

test('csvRecords: columns in camelCase, text columns as text, numbers as numbers, an empty number as NaN', () => {
  const [row] = csvRecords<RoundRecord>('round,time_s,winner,winner_p\n3,1.5,007,\n');
  assert.deepEqual(row, { round: 3, timeS: 1.5, winner: '007', winnerP: NaN });
});

test('no column of a real run reads as NaN where the file has a value: every text column is known as text', () => {
  const out = join(scratchDir(), 'r');
  // Churn with a text balance, replications and the per-round file: every CSV a run writes.
  const r = runCli(['run', repoPath('scenarios/churn.yaml'), '--out', out, '--replications', '2', '--rounds', '40', '--quiet', '--no-report']);
  assert.equal(r.status, 0, r.stderr);
  const files = readdirSync(out).filter((f) => f.endsWith('.csv'));
  assert.ok(files.length >= 6, `${files}`);
  for (const file of files) {
    const text = readFileSync(join(out, file), 'utf8');
    const raw = parse(text, { columns: true }) as Record<string, string>[];
    const read = csvRecords<Record<string, unknown>>(text);
    raw.forEach((row, i) => {
      for (const [column, cell] of Object.entries(row)) {
        const value = read[i]?.[camelCase(column)];
        if (cell !== '' && typeof value === 'number') assert.ok(!Number.isNaN(value), `${file} row ${i + 1}, ${column} = ${JSON.stringify(cell)} read as NaN`);
      }
    });
  }
});
