import assert from 'node:assert/strict';
import test from 'node:test';
import { CohortPool } from '../../../src/model/counting/cohort-pool.js';
import { ExactWinSums } from '../../../src/model/counting/exact-win-sums.js';
import { drawPoolMember } from '../../../src/model/logic/lottery-draw.js';
import { ValidatorsTable } from '../../../src/model/logic/validators-table.js';
import { deriveStream } from '../../../src/rng/stream.js';
import { zeroTotals } from '../scenario-builders.js';

/** A table with one address per connection, holding `balances[c]`, and the source order `order`. */
function setUp(balances: number[]) {
  const table = new ValidatorsTable();
  const connectionSlot = Int32Array.from(balances, (b, c) => {
    const slot = table.slotFor(c);
    table.set(slot, b, '');
    return slot;
  });
  return { table, connectionSlot };
}

test('a whole-cycle draw picks the member the linear walk over the rotated pool picks, for every start and many tickets', () => {
  const rng = deriveStream(11, 'test', 'cohort-pool');
  for (let trial = 0; trial < 60; trial++) {
    const n = 1 + rng.nextIntBelow(12);
    // Zero and negative balances are not in the pool; they sit at the ends and between members.
    const balances = Array.from({ length: n }, () => [0, -3, 1, 5, 100, 1 + rng.nextIntBelow(50)][rng.nextIntBelow(6)] as number);
    if (!balances.some((b) => b > 0)) balances[rng.nextIntBelow(n)] = 7;
    const { table, connectionSlot } = setUp(balances);
    const order = Int32Array.from({ length: n }, (_, i) => i);
    for (let i = n - 1; i > 0; i--) {
      const j = rng.nextIntBelow(i + 1);
      [order[i], order[j]] = [order[j] as number, order[i] as number];
    }
    const pool = new CohortPool();
    assert.ok(pool.prepare(order, connectionSlot, table, zeroTotals(n), new ExactWinSums(n)));
    for (let start = 0; start < order.length; start++) {
      // The pool as pick_winner builds it: positions from start on, wrapping, positive balances only.
      const rotated = Array.from(order, (_, k) => order[(start + k) % order.length] as number).filter((c) => (balances[c] as number) > 0);
      const stakes = Float64Array.from(rotated, (c) => balances[c] as number);
      const total = stakes.reduce((a, b) => a + b, 0);
      assert.equal(pool.total, total);
      assert.equal(pool.members, rotated.length);
      for (let draw = 0; draw < 20; draw++) {
        const seed = trial * 1000 + start * 20 + draw;
        const expected = rotated[drawPoolMember(stakes, rotated.length, total, deriveStream(seed, 'draw'))];
        const position = pool.draw(start, deriveStream(seed, 'draw'));
        assert.equal(order[position], expected, `trial ${trial}, start ${start}, draw ${draw}`);
        assert.equal(pool.ticketsAt(position), balances[expected as number]);
      }
    }
  }
});

test('settling adds each pending round one at a time, exactly as per-round sums would', () => {
  const balances = [3, 0, 7, 11];
  const { table, connectionSlot } = setUp(balances);
  const order = Int32Array.from([2, 0, 1, 3]);
  const v = zeroTotals(4);
  const exact = new ExactWinSums(4);
  const pool = new CohortPool();
  assert.ok(pool.prepare(order, connectionSlot, table, v, exact));
  const rng = deriveStream(2, 'test');
  for (let r = 0; r < 1000; r++) pool.draw(r % 4, rng);
  pool.settle(v, exact);
  for (const [c, b] of balances.entries()) {
    const p = b / 21;
    let expected = 0;
    let variance = 0;
    for (let r = 0; r < 1000; r++) {
      expected += p;
      variance += p * (1 - p);
    }
    assert.equal(v.roundsInPool[c], b > 0 ? 1000 : 0);
    // Exactly the running sums, not 1000·p (which differs in the last bits).
    assert.equal(v.expectedWins[c], b > 0 ? expected : 0);
    assert.equal(v.winVariance[c], b > 0 ? variance : 0);
  }
  assert.notEqual(v.expectedWins[0], 1000 * (3 / 21));
  // A second settle adds nothing more.
  pool.settle(v, exact);
  assert.equal(v.roundsInPool[0], 1000);
});

test('members of one stake settle to the sums of their own history, computed once per (stake, history) but never shared across histories', () => {
  // 600 members of three stakes (p <= 1/256: the odds power sums), one whale (p > 1/256: the masses).
  const balances = Array.from({ length: 601 }, (_, c) => (c === 600 ? 40 : ([2, 5, 9][c % 3] as number)));
  const n = balances.length;
  const { table, connectionSlot } = setUp(balances);
  const order = Int32Array.from(balances.keys());
  const v = zeroTotals(n);
  const exact = new ExactWinSums(n);
  const plainExact = new ExactWinSums(n);
  // Every fourth member (and the whale) comes with a history of its own, as from an earlier pool.
  for (let c = 0; c < n; c += 4) {
    v.expectedWins[c] = 0.01 * c;
    v.winVariance[c] = 0.001 * c;
    exact.addRound(c, 0.002);
    plainExact.addRound(c, 0.002);
  }
  const expectedBefore = Array.from(v.expectedWins);
  const varianceBefore = Array.from(v.winVariance);
  const pool = new CohortPool();
  assert.ok(pool.prepare(order, connectionSlot, table, v, exact));
  const rng = deriveStream(3, 'test');
  const rounds = 300;
  for (let r = 0; r < rounds; r++) pool.draw(r % n, rng);
  pool.settle(v, exact);
  const total = balances.reduce((a, b) => a + b, 0);
  const plainExpected = new Float64Array(n);
  for (const [c, b] of balances.entries()) {
    const p = b / total;
    let expected = expectedBefore[c] as number;
    let variance = varianceBefore[c] as number;
    for (let r = 0; r < rounds; r++) {
      if (expected <= 21) plainExact.addRound(c, p);
      expected += p;
      variance += p * (1 - p);
    }
    plainExpected[c] = expected;
    assert.equal(v.expectedWins[c], expected, `member ${c}`);
    assert.equal(v.winVariance[c], variance, `member ${c}`);
  }
  exact.finish(v.expectedWins);
  plainExact.finish(plainExpected);
  assert.deepEqual(Array.from(exact.allOddsPowerSums()), Array.from(plainExact.allOddsPowerSums()));
  for (let c = 0; c < n; c++) assert.deepEqual(exact.largeRoundMasses(c), plainExact.largeRoundMasses(c), `member ${c}`);
  // The histories made a difference: members of one stake ended apart.
  assert.notEqual(v.expectedWins[4], v.expectedWins[1]);
  assert.notDeepEqual(exact.oddsPowerSumsOf(0), exact.oddsPowerSumsOf(3));
});

test('a table change makes a new pool, settling the old one first; shared addresses and crashing balances do not qualify', () => {
  const { table, connectionSlot } = setUp([5, 5]);
  const order = Int32Array.from([0, 1]);
  const v = zeroTotals(2);
  const exact = new ExactWinSums(2);
  const pool = new CohortPool();
  assert.ok(pool.prepare(order, connectionSlot, table, v, exact));
  pool.draw(0, deriveStream(1, 'test'));
  table.addTokens(connectionSlot[0] as number, 5);
  assert.ok(pool.prepare(order, connectionSlot, table, v, exact));
  assert.equal(v.expectedWins[0], 0.5);
  assert.equal(pool.total, 15);

  // Two connections with one address (they connected in the same microsecond).
  const shared = new Int32Array([connectionSlot[0] as number, connectionSlot[0] as number]);
  assert.equal(pool.prepare(Int32Array.from([0, 1]), shared, table, v, exact), false);

  const crashing = setUp([5, 5]);
  crashing.table.set(crashing.connectionSlot[1] as number, null, 'abc');
  assert.equal(pool.prepare(order, crashing.connectionSlot, crashing.table, v, exact), false);
});
