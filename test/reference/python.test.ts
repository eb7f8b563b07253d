import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parsePythonDatetimeText, pythonDatetimeText, pythonInt } from '../../src/reference/python.js';

// Expected values printed by python3: int(text.encode()) and str(datetime(...) + timedelta(...)).

test('int() of typed bytes: whitespace, sign and single underscores allowed; anything else raises', () => {
  assert.equal(pythonInt(' +1_000\n'), 1000n);
  assert.equal(pythonInt(' 7 '), 7n);
  assert.equal(pythonInt('-0'), 0n);
  for (const refused of ['1__0', '', '12 34', '\u0660', 'abc', '1.5']) assert.equal(pythonInt(refused), null, JSON.stringify(refused));
});

test('str(datetime): microseconds written as .ffffff, left out when 0, before 1970 too', () => {
  const at = (text: string, plusUs: number) => pythonDatetimeText(parsePythonDatetimeText(text) + plusUs);
  assert.equal(at('1999-12-31 23:59:59', 999_999), '1999-12-31 23:59:59.999999');
  assert.equal(at('2018-08-07 20:44:00', 30_500_000), '2018-08-07 20:44:30.500000');
  assert.equal(at('2018-08-07 20:44:00.500000', 500_000), '2018-08-07 20:44:01');
  assert.equal(at('1969-12-31 23:59:59.999999', 1), '1970-01-01 00:00:00');
  assert.equal(at('1969-12-31 23:59:58', 1), '1969-12-31 23:59:58.000001');
});
