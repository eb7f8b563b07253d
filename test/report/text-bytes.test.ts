import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { PeriodRecord, RoundRecord } from '../../src/model/records.js';
import { ratioText, secondsText } from '../../src/report/format.js';
import { writeQuirksCsvLine } from '../../src/report/quirks-csv.js';
import { writeRoundCsvLine } from '../../src/report/rounds-csv.js';
import { TextBytes } from '../../src/report/text-bytes.js';
import { textPiece } from '../../src/lists/text-piece.js';
import { deriveStream, type RandomStream } from '../../src/rng/stream.js';

/** What Node writes for a string: its UTF-8 bytes. */
const utf8 = (s: string) => Buffer.from(s, 'utf8');
const bytesOf = (out: TextBytes) => Buffer.from(out.view());

const EDGE_NUMBERS = [
  0, -0, 1, 7, 9, 10, 99, 100, 12345, 99_999_999, 1e8, 1e8 + 1, 123_456_789, 2 ** 31 - 1, 2 ** 31, 2 ** 32,
  -1, -9, -10, -123, -(2 ** 31), -1e8, 1e15, 123_456_789_012_345, 2 ** 53 - 1, -(2 ** 53 - 1), 2 ** 53, 2 ** 53 + 2,
  1e21, -1e21, 1.5, -0.5, 0.01, 0.1 + 0.2, 1 / 3, 1e-7, 5e-324, 1e300, Number.MAX_VALUE, NaN, Infinity, -Infinity,
];

/** Integers of every magnitude up to 2^53, either sign, and doubles with fractions. */
function randomNumber(rng: RandomStream): number {
  const magnitude = 10 ** rng.nextIntBelow(17);
  const integer = Math.min(2 ** 53 - 1, Math.floor(rng.nextDouble() * magnitude));
  const sign = rng.nextIntBelow(4) === 0 ? -1 : 1;
  return rng.nextIntBelow(5) === 0 ? sign * rng.nextDouble() * magnitude : sign * integer;
}

test('number(x) writes the bytes of `${x}`, for edge values and 20,000 random ones', () => {
  const rng = deriveStream(1, 'test', 'text-bytes-numbers');
  const values = [...EDGE_NUMBERS, ...Array.from({ length: 20_000 }, () => randomNumber(rng))];
  for (const x of values) {
    const out = new TextBytes();
    assert.deepEqual(bytesOf(out.number(x)), utf8(`${x}`), `number(${x})`);
  }
});

test('numbers written again (from the cache of recent ones) and numbers sharing a cache slot still write `${x}`', () => {
  const rng = deriveStream(3, 'test', 'text-bytes-repeats');
  // A pool larger than the cache, drawn from with repeats: hits, misses and slots taken over.
  const pool = [...EDGE_NUMBERS, ...Array.from({ length: 40_000 }, () => rng.nextDouble() * 10 ** (rng.nextIntBelow(30) - 15))];
  const out = new TextBytes();
  let expected = '';
  for (let i = 0; i < 200_000; i++) {
    const x = pool[rng.nextIntBelow(rng.nextIntBelow(2) === 0 ? 50 : pool.length)] as number;
    out.number(x).char(44);
    expected += `${x},`;
    if (out.length > 1 << 16) {
      assert.equal(Buffer.from(out.view()).toString('utf8'), expected);
      out.clear();
      expected = '';
    }
  }
  assert.equal(Buffer.from(out.view()).toString('utf8'), expected);
});

test('ratio(x) and seconds(us) write the bytes of ratioText and secondsText', () => {
  const rng = deriveStream(2, 'test', 'text-bytes-format');
  const times = [0, 1, 999_999, 1_000_000, 10_000_000, 10_000_500, 2 ** 53 - 1, ...Array.from({ length: 5_000 }, () => rng.nextIntBelow(2 ** 31) * (rng.nextIntBelow(2) === 0 ? 1_000_000 : 1_001))];
  for (const us of times) assert.deepEqual(bytesOf(new TextBytes().seconds(us)), utf8(secondsText(us)), `seconds(${us})`);
  for (const x of [...EDGE_NUMBERS, ...Array.from({ length: 5_000 }, () => rng.nextDouble())]) {
    assert.deepEqual(bytesOf(new TextBytes().ratio(x)), utf8(ratioText(x)), `ratio(${x})`);
  }
});

test('text(s) writes UTF-8 as Node does, lone surrogates included, after ASCII or not', () => {
  const strings = ['', 'v-17', 'plain ascii, "quoted"\n', 'é', 'naïve-1', '验证者', 'a🐳b', '\u{10FFFF}', 'x\uD800y', '\uDC00', 'end\uD83D', '\u0080\u07FF\u0800\uFFFF'];
  for (const s of strings) {
    assert.deepEqual(bytesOf(new TextBytes().text(s)), utf8(s), JSON.stringify(s));
    assert.deepEqual(bytesOf(new TextBytes().text('prefix,').text(s).char(10)), utf8(`prefix,${s}\n`), JSON.stringify(s));
  }
});

test('the buffer grows as it fills: every write of a long mixed sequence lands, in order', () => {
  const rng = deriveStream(3, 'test', 'text-bytes-growth');
  const out = new TextBytes(4);
  let expected = '';
  for (let i = 0; i < 20_000; i++) {
    const roll = rng.nextIntBelow(3);
    if (roll === 0) {
      const x = randomNumber(rng);
      out.number(x);
      expected += `${x}`;
    } else if (roll === 1) {
      const s = rng.nextIntBelow(50) === 0 ? '🐳'.repeat(rng.nextIntBelow(400)) : 'ab,'.repeat(rng.nextIntBelow(30));
      out.text(s);
      expected += s;
    } else {
      out.char(44);
      expected += ',';
    }
  }
  assert.deepEqual(bytesOf(out), utf8(expected));
  out.clear();
  assert.equal(out.length, 0);
  assert.deepEqual(bytesOf(out.text('again')), utf8('again'));
});

test('piece(p) writes the bytes of p.text; hex() writes Node\'s hex of the bytes it is given', () => {
  const rng = deriveStream(5, 'test', 'text-bytes-pieces');
  const out = new TextBytes(4);
  let expected = '';
  for (const s of ['', ',"group":', 'größe', '验证者🐳', 'x'.repeat(5_000)]) {
    out.piece(textPiece(s)).char(44);
    expected += `${s},`;
  }
  for (let k = 0; k < 200; k++) {
    const bytes = Uint8Array.from({ length: 40 }, () => rng.nextIntBelow(256));
    const from = rng.nextIntBelow(10);
    const length = rng.nextIntBelow(31);
    out.hex(bytes, from, length);
    expected += Buffer.from(bytes.subarray(from, from + length)).toString('hex');
  }
  assert.deepEqual(bytesOf(out), utf8(expected));
});

test('csvQuotingNeededSince finds a quote, comma, CR or LF written from its start on, and truncate takes bytes back', () => {
  const out = new TextBytes(4).text('a,"b"\r\n');
  const start = out.length;
  for (const [s, needs] of [['plain-1', false], ['größe 验证者', false], ['a,b', true], ['say "hi"', true], ['cr\r', true], ['two\nlines', true], ['', false]] as const) {
    out.text(s);
    assert.equal(out.csvQuotingNeededSince(start), needs, JSON.stringify(s));
    out.truncate(start);
    assert.deepEqual(bytesOf(out), utf8('a,"b"\r\n'));
  }
  assert.equal(out.csvQuotingNeededSince(0), true);
  assert.throws(() => out.truncate(start + 1), RangeError);
  assert.throws(() => out.truncate(-1), RangeError);
});

test('rounds.csv and quirks.csv lines are their fields as `${x}` joined by commas', () => {
  const rng = deriveStream(4, 'test', 'text-bytes-rows');
  const ids = ['v-0', 'whale', 'small-99994', 'a.b_c-d'];
  for (let k = 0; k < 2_000; k++) {
    const pick = () => (rng.nextIntBelow(3) === 0 ? EDGE_NUMBERS[rng.nextIntBelow(EDGE_NUMBERS.length)]! : randomNumber(rng));
    const r: RoundRecord = {
      round: pick(),
      timeUs: rng.nextIntBelow(2 ** 31) * (rng.nextIntBelow(2) === 0 ? 1_000_000 : 1_000),
      poolValidators: pick(),
      poolStake: pick(),
      winner: rng.nextIntBelow(ids.length),
      winnerStake: pick(),
      winnerP: pick(),
      blockIndex: pick(),
      blockPosition: pick(),
      stale: rng.nextIntBelow(2) === 0,
    };
    const roundLine = `${r.round},${secondsText(r.timeUs)},${r.poolValidators},${r.poolStake},${ids[r.winner]},${r.winnerStake},${ratioText(r.winnerP)},${r.blockIndex},${r.blockPosition},${r.stale ? 1 : 0}\n`;
    const out = new TextBytes();
    writeRoundCsvLine(r, ids[r.winner] as string, out);
    assert.deepEqual(bytesOf(out), utf8(roundLine));

    const p: PeriodRecord = {
      timeUs: r.timeUs,
      rounds: pick(),
      staleBlocks: pick(),
      lotteryAlive: rng.nextIntBelow(2) === 0,
      announcementsMade: pick(),
      announcementsDelivered: pick(),
      announcementsLost: pick(),
      syncMessages: pick(),
      syncBytes: pick(),
      threads: pick(),
    };
    const quirksLine = `${secondsText(p.timeUs)},${p.rounds},${p.staleBlocks},${p.lotteryAlive ? 1 : 0},${p.announcementsMade},${p.announcementsDelivered},${p.announcementsLost},${p.syncMessages},${p.syncBytes},${p.threads}\n`;
    out.clear();
    writeQuirksCsvLine(p, out);
    assert.deepEqual(bytesOf(out), utf8(quirksLine));
  }
});
