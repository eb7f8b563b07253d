import assert from 'node:assert/strict';
import test from 'node:test';
import { stringify } from 'csv-stringify/sync';
import { ratioText } from '../../src/report/format.js';
import type { ValidatorRow } from '../../src/report/validator-table.js';
import { validatorsCsvChunks } from '../../src/report/validators-csv.js';
import { deriveStream } from '../../src/rng/stream.js';

test('validators.csv is exactly what csv-stringify writes, quoting and all, whatever balance text was typed', () => {
  const rng = deriveStream(13, 'test', 'validators-csv');
  const texts = ['100', '', ' 12 ', 'a,b', 'say "hi"', 'two\nlines', 'cr\r', '１２', 'é', '1_000', '-5', '"', ',', '#=\t'];
  const numbers = [0, 1, 0.1, 1 / 3, 1e-7, 123456789, NaN, Infinity, -Infinity, -0.5];
  const rows = Array.from({ length: 450 }, (_, i) => {
    const n = () => numbers[rng.nextIntBelow(numbers.length)] as number;
    return {
      id: `v-${i}`,
      group: 'v',
      address: 'ab'.repeat(32),
      balance: texts[rng.nextIntBelow(texts.length)] as string,
      initialStake: n(),
      stake: n(),
      blocksSubmitted: n(),
      roundsInPool: n(),
      wins: n(),
      expectedWins: n(),
      winVariance: n(),
      globalShare: n(),
      winShare: n(),
      expectedShare: n(),
      announcementsReceived: n(),
      winRate: n(),
      expectedRate: n(),
      wilsonLow: n(),
      wilsonHigh: n(),
      z: n(),
      pValue: n(),
      pError: n(),
      pHolm: n(),
    } satisfies ValidatorRow;
  });
  const text = [...validatorsCsvChunks(rows)].join('');
  const header = text.slice(0, text.indexOf('\n') + 1).trimEnd().split(',');
  // The reference: csv-stringify over the whole table, columns in the file's order.
  const keyOf = (column: string) => column.replace(/_(.)/g, (_, c: string) => c.toUpperCase()) as keyof ValidatorRow;
  const reference = stringify(
    rows.map((r) => header.map((column) => r[keyOf(column)])),
    { header: true, columns: header, cast: { number: ratioText } },
  );
  assert.equal(text, reference);
  assert.ok(text.includes('"a,b"') && text.includes('"say ""hi"""'), 'the table must hold fields that need quoting');
});
