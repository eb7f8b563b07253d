import assert from 'node:assert/strict';
import test from 'node:test';
import { stringify } from 'csv-stringify/sync';
import { ratioText } from '../../src/report/format.js';
import type { ValidatorRow } from '../../src/report/validator-table.js';
import { validatorsCsvChunks, validatorsCsvHeader, writeValidatorsCsvRows } from '../../src/report/validators-csv.js';
import { ValidatorTable } from '../../src/report/validator-table.js';
import { TextBytes } from '../../src/report/text-bytes.js';
import { SharedAddresses, sharedAddressMemory } from '../../src/report/shared-addresses.js';
import { ModelRun } from '../../src/model/run.js';
import { deriveStream } from '../../src/rng/stream.js';
import { randomScenario } from '../model/random-scenarios.js';
import { text } from '../model/scenario-builders.js';

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

test('writeValidatorsCsvRows writes the bytes of validatorsCsvChunks(table.rows()), on random runs with odd ids, groups and balances', () => {
  const odd = ['a,b', 'say "hi"', 'two\nlines', 'é', '', ' 7 ', '１２'];
  for (let seed = 1; seed <= 60; seed++) {
    const rng = deriveStream(seed, 'test', 'validators-csv-rows');
    const base = randomScenario(seed);
    const sc = {
      ...base,
      validators: base.validators.map((v, i) => {
        const r = rng.nextIntBelow(6);
        if (r === 0) return { ...v, balance: text(odd[rng.nextIntBelow(odd.length)] as string) };
        if (r === 1) return { ...v, id: `${odd[rng.nextIntBelow(odd.length)]}#${i}` };
        if (r === 2) return { ...v, group: odd[rng.nextIntBelow(odd.length)] as string };
        return v;
      }),
    };
    const result = new ModelRun(sc, { round: () => {}, block: () => {}, period: () => {} }).runToEnd();
    // Numbers the model never makes, in a column the fairness tests do not read.
    const stake = result.validators.stake;
    for (let i = 0; i < stake.length; i++) if (rng.nextIntBelow(4) === 0) stake[i] = [NaN, Infinity, -0.5, 1e21, 1 / 3, -0, 2 ** 53][rng.nextIntBelow(7)] as number;
    const table = new ValidatorTable(sc, result);
    const reference = [...validatorsCsvChunks(table.rows())].join('');
    const sink = { pending: new TextBytes(16), flushIfFull: () => {} };
    sink.pending.text(validatorsCsvHeader());
    writeValidatorsCsvRows(table, sink);
    assert.equal(Buffer.from(sink.pending.view()).toString('utf8'), reference, `seed ${seed}`);
    // The addresses from shared memory (as with a helper thread) instead.
    const inputs = result.validators.addressInputs;
    assert.ok(inputs !== null);
    sink.pending.clear();
    sink.pending.text(validatorsCsvHeader());
    writeValidatorsCsvRows(table, sink, new SharedAddresses(inputs, sharedAddressMemory(inputs.connectUs.length)));
    assert.equal(Buffer.from(sink.pending.view()).toString('utf8'), reference, `seed ${seed}, shared addresses`);
  }
});
