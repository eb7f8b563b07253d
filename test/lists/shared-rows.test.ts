import assert from 'node:assert/strict';
import { test } from 'node:test';
import { SharedRows } from '../../src/lists/shared-rows.js';
import { deriveStream } from '../../src/rng/stream.js';

test('random writes, shares and clears leave every owner the row a plain copy per owner would hold, with only rows in use kept', () => {
  const rng = deriveStream(21, 'test', 'shared-rows');
  for (let c = 0; c < 40; c++) {
    const width = 1 + rng.nextIntBelow(6);
    const n = 1 + rng.nextIntBelow(60);
    const rows = new SharedRows(width, n);
    const plain = Array.from({ length: n }, () => new Array<number>(width).fill(0));
    const remembered: Array<[number, Float64Array]> = [];
    for (let step = 0; step < 2000; step++) {
      const owner = rng.nextIntBelow(n);
      const action = rng.nextIntBelow(5);
      if (action === 0) {
        // A write to one entry, from a small pool of values so that rows come out equal.
        const j = rng.nextIntBelow(width);
        const value = rng.nextIntBelow(3);
        const at = rows.ownRow(owner);
        rows.store[at + j] = (rows.store[at + j] as number) + value;
        (plain[owner] as number[])[j] = ((plain[owner] as number[])[j] as number) + value;
      } else if (action === 1) {
        // Point at another owner's row, stated by value (after, sometimes, that row has changed).
        const other = rng.nextIntBelow(n);
        const row = rows.rowOf[other] as number;
        const expected = Float64Array.from(rng.nextIntBelow(4) === 0 ? (plain[owner] as number[]) : (plain[other] as number[]));
        const pointed = rows.pointAt(owner, row, expected, 0);
        const sameAsOther = expected.every((x, j) => x === (plain[other] as number[])[j]);
        assert.equal(pointed, row !== 0 && sameAsOther, `case ${c}, step ${step}: pointAt`);
        if (pointed) plain[owner] = [...(plain[other] as number[])];
      } else if (action === 2) {
        rows.clear(owner);
        plain[owner] = new Array<number>(width).fill(0);
      } else if (action === 3) {
        // Point at a row remembered from earlier, as a memo would: it may have been freed since, or handed out again.
        const [row, values] = remembered.length === 0 ? [0, new Float64Array(width)] : (remembered[rng.nextIntBelow(remembered.length)] as [number, Float64Array]);
        const holder = Array.from(rows.rowOf).findIndex((r) => r === row);
        const want = row !== 0 && holder >= 0 && values.every((x, j) => x === (plain[holder] as number[])[j]);
        assert.equal(rows.pointAt(owner, row, values, 0), want, `case ${c}, step ${step}: pointAt a remembered row`);
        if (want) plain[owner] = [...(plain[holder] as number[])];
      } else {
        const other = rng.nextIntBelow(n);
        assert.equal(rows.holds(owner, Float64Array.from(plain[other] as number[]), 0), (plain[owner] as number[]).every((x, j) => x === (plain[other] as number[])[j]));
      }
      remembered.push([rows.rowOf[owner] as number, Float64Array.from(rows.valuesOf(owner))]);
      for (let o = 0; o < n; o++) assert.deepEqual(Array.from(rows.valuesOf(o)), plain[o], `case ${c}, step ${step}, owner ${o}`);
      const inUse = new Set(Array.from(rows.rowOf).filter((r) => r !== 0)).size;
      assert.equal(rows.rowsInUse, inUse, `case ${c}, step ${step}: rows in use`);
    }
  }
});

test('owners of equal rows pointed at one row take one row between them, however many they are', () => {
  const rows = new SharedRows(2, 1000);
  const at = rows.ownRow(0);
  rows.store[at] = 3;
  const expected = Float64Array.from([3, 0]);
  for (let o = 1; o < 1000; o++) assert.ok(rows.pointAt(o, rows.rowOf[0] as number, expected, 0));
  assert.equal(rows.rowsInUse, 1);
  // A write by one of them copies the row first: the others keep theirs.
  rows.store[rows.ownRow(7)] = 4;
  assert.deepEqual(Array.from(rows.valuesOf(7)), [4, 0]);
  assert.deepEqual(Array.from(rows.valuesOf(8)), [3, 0]);
  assert.equal(rows.rowsInUse, 2);
});

test('a width that is not a positive integer is refused', () => {
  for (const width of [0, -1, 1.5]) assert.throws(() => new SharedRows(width, 3), RangeError);
});
