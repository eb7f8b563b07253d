import assert from 'node:assert/strict';
import { test } from 'node:test';
import { stakesTable, StakesTableError } from '../../src/audit/stakes-table.js';

test('stakesTable reads address and stake, ignoring other columns', () => {
  const text = 'id,address,stake,wins\nalice,ab,100,3\nbob,cd,0,0\n';
  assert.deepEqual([...stakesTable(text)], [['ab', 100], ['cd', 0]]);
});

test('stakesTable names the line, column and value of a problem', () => {
  const problem = (text: string) => {
    try {
      stakesTable(text);
    } catch (error) {
      assert.ok(error instanceof StakesTableError);
      return `${error.line}: ${error.message}`;
    }
    return 'no error';
  };
  assert.equal(problem('address,stake\nab,100\ncd,-5\n'), '3: stake: expected an integer >= 0, got "-5"');
  assert.equal(problem('address,stake\nab,100\nab,3\n'), '3: address: ab appears twice');
  assert.equal(problem('who,stake\nab,1\n'), '1: header: expected columns "address" and "stake", got "who,stake"');
  assert.equal(problem('address,stake\n'), '0: no rows: expected one address and stake per line after the header');
});
