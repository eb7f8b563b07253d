import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CRASHES_LOTTERY, ValidatorsTable } from '../../../src/model/logic/validators-table.js';

test("tickets follow the seed's `if k: range(k)` on what int() left in the dict", () => {
  const table = new ValidatorsTable();
  let nextKey = 0;
  // Each entry its own key; `what` names it for the reader.
  const entry = (_what: string, balance: number | null, raw = '') => {
    const slot = table.slotFor(nextKey++);
    table.set(slot, balance, raw);
    return slot;
  };
  assert.equal(table.tickets(entry('positive', 100)), 100);
  assert.equal(table.tickets(entry('zero', 0)), 0); // falsy: skipped
  assert.equal(table.tickets(entry('negative', -5)), 0); // truthy, but range(-5) is empty
  assert.equal(table.tickets(entry('closed', null, '')), 0); // b'' is falsy
  assert.equal(table.tickets(entry('text', null, 'abc\n')), CRASHES_LOTTERY); // range(b'abc\n') raises
  const gone = entry('left', 100);
  table.delete(gone);
  assert.equal(table.tickets(gone), 0);
});

test('one slot per address: a colliding client overwrites the entry; rewards add to it', () => {
  const table = new ValidatorsTable();
  const first = table.slotFor(3);
  table.set(first, 1000, '');
  const second = table.slotFor(3);
  assert.equal(second, first);
  table.set(second, 100, '');
  table.addTokens(second, 7);
  assert.equal(table.tickets(first), 107);
  assert.equal(table.size, 1);
});

test('the table grows past its initial capacity without losing entries', () => {
  const table = new ValidatorsTable();
  for (let i = 0; i < 300; i++) table.set(table.slotFor(i), i + 1, '');
  assert.equal(table.size, 300);
  assert.equal(table.tickets(table.slotFor(0)), 1);
  assert.equal(table.tickets(table.slotFor(299)), 300);
});

test('forgetting the keys keeps the slots and balances; a key entered again gets a new slot', () => {
  const table = new ValidatorsTable();
  const first = table.slotFor(0);
  table.set(first, 50, '');
  assert.ok(table.has(0));
  table.forgetKeys();
  assert.ok(!table.has(0));
  const again = table.slotFor(0);
  assert.notEqual(again, first);
  table.set(again, 7, '');
  assert.equal(table.size, 2);
  assert.equal(table.tickets(first), 50);
  assert.equal(table.tickets(again), 7);
});

test('forgetting forgets every key entered since the last time, and no key before it comes back', () => {
  const table = new ValidatorsTable();
  const before = [0, 1, 2].map((k) => table.slotFor(k));
  table.forgetKeys();
  assert.deepEqual([0, 1, 2].map((k) => table.has(k)), [false, false, false]);
  const after = table.slotFor(1);
  assert.ok(!before.includes(after));
  assert.equal(table.slotFor(1), after);
  assert.ok(!table.has(0) && !table.has(2));
  table.forgetKeys();
  table.forgetKeys();
  assert.ok(!table.has(1));
});

test('a key that is not a small non-negative integer is refused', () => {
  const table = new ValidatorsTable();
  for (const key of [-1, 0.5, 2 ** 31, Number.NaN]) assert.throws(() => table.slotFor(key), RangeError);
});

test('a table made with room for its slots keeps every entry, and grows past that room too', () => {
  const table = new ValidatorsTable(1000);
  for (let i = 0; i < 1500; i++) table.set(table.slotFor(i), i + 1, '');
  assert.deepEqual([0, 999, 1000, 1499].map((i) => table.tickets(table.slotFor(i))), [1, 1000, 1001, 1500]);
  // No room asked for (a scenario without validators): the table still grows as it fills.
  const empty = new ValidatorsTable(0);
  for (let i = 0; i < 200; i++) empty.set(empty.slotFor(i), 7, '');
  assert.equal(empty.tickets(empty.slotFor(199)), 7);
});
