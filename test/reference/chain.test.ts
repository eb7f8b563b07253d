import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chainJson, follows, generateBlock, genesisBlock } from '../../src/reference/chain.js';

// The values of test/model/chain.test.ts, computed with python3 from the seed's code.
const GENESIS_JSON =
  '{"Index": 0, "Timestamp": "2018-08-07 20:44:00", "BPM": 0, "PrevHash": "", "Validator": "", "Hash": "85f72f1cd358a0cf3727789f28628ab5cf40eeac38ea2732464efc5b7e9d4398"}';
const ADDR = '2b7e34c859ae7bd49729df4bf5734534b05319dcac9090ac643c3f16affd7d92';

test('genesis and generated blocks hash and print as the seed does; a block on an old tip does not follow', () => {
  const genesis = genesisBlock('2018-08-07 20:44:00');
  assert.equal(genesis.json, GENESIS_JSON);
  const b1 = generateBlock(genesis, 9, '2018-08-07 20:44:04.500000', ADDR);
  assert.equal(b1.hash, '1bbe5c7accc049d43ef936beafdcc5b584dec1676a88eac322aa0cde2002097e');
  const b2 = generateBlock(genesis, 10, '2018-08-07 20:44:05', ADDR);
  assert.equal(b2.hash, '2a5de459bb80fc46b73cb5f673760c88677a829b561df2e42820eb525ee23ebd');
  assert.ok(follows(b1, genesis));
  assert.ok(!follows(b2, b1));
  // json.dumps([g]) + '\n' is 170 bytes, json.dumps([g, b1]) + '\n' 474.
  assert.equal(chainJson([genesis]).length + 1, 170);
  assert.equal(chainJson([genesis, b1]).length + 1, 474);
});
