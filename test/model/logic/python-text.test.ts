import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatPythonDatetime, parsePythonDatetime, pythonDatetimeLength, pythonInt } from '../../../src/model/logic/python-text.js';
import { sha256Hex } from '../../../src/model/logic/sha256.js';

const START = parsePythonDatetime('2018-08-07 20:44:00');

test("timestamps read as Python's str(datetime) prints them", () => {
  // python3: d = datetime.datetime(2018,8,7,20,44,0); str(d); str(d + timedelta(microseconds=1));
  //          str(d + timedelta(seconds=86400*365*3 + 0.5))
  assert.equal(formatPythonDatetime(START), '2018-08-07 20:44:00');
  assert.equal(formatPythonDatetime(START + 1), '2018-08-07 20:44:00.000001');
  assert.equal(formatPythonDatetime(START + (86400 * 365 * 3 + 0.5) * 1e6), '2021-08-06 20:44:00.500000');
  // python3: str(datetime.datetime(2020,2,29,23,59,59,999999) + timedelta(microseconds=1)) -> '2020-03-01 00:00:00'
  assert.equal(formatPythonDatetime(parsePythonDatetime('2020-02-29 23:59:59.999999') + 1), '2020-03-01 00:00:00');
});

test('a start text that is no real date is refused', () => {
  assert.throws(() => parsePythonDatetime('2018-02-30 00:00:00'), /not a real date/);
  assert.throws(() => parsePythonDatetime('2018-08-07T20:44:00'), /YYYY-MM-DD/);
});

test('sha256 over timestamp strings matches hashlib', () => {
  // python3: sha256("2018-08-07 20:44:00".encode()).hexdigest()
  assert.equal(sha256Hex('2018-08-07 20:44:00'), 'a3551930df858a42b3d99ae8968faed92ded5ae9a4c40693bd5515bcc1776903');
  // python3: sha256("2018-08-07 20:44:01.000001".encode()).hexdigest()
  assert.equal(sha256Hex('2018-08-07 20:44:01.000001'), 'ede15442cc66b0bcf744dd7a4afb208cfb0a71e4d26c2dd6783f06447b5840ba');
});

test("pythonInt follows Python's int(bytes) rules", () => {
  // python3: for t in [...]: int(t.encode())  (ERR where it raises)
  const cases: Array<[string, bigint | null]> = [
    [' +1_000\n', 1000n],
    ['007', 7n],
    ['-3', -3n],
    ['\x0b5\x0c', 5n],
    ['1__0', null],
    ['_1', null],
    ['1_', null],
    ['', null],
    ['abc', null],
    ['12 13', null],
    ['0x10', null],
    ['١٢', null],
  ];
  for (const [text, expected] of cases) assert.equal(pythonInt(text), expected, JSON.stringify(text));
});

test('pythonDatetimeLength is the length of the formatted text, microseconds or not', () => {
  const epochs = [START, START + 1, START + 999_999, START + 1_000_000, parsePythonDatetime('1000-01-01 00:00:00') + 7, parsePythonDatetime('9999-12-31 23:59:59') + 5];
  for (const epochUs of epochs) assert.equal(pythonDatetimeLength(epochUs), formatPythonDatetime(epochUs).length, String(epochUs));
});
