import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Chain } from '../../../src/model/logic/chain.js';

// Reference values computed once with python3 (hashlib + json), reproducing the seed:
//   def h(b): return sha256((str(b["Index"])+str(b["BPM"])+b["Timestamp"]+b["PrevHash"]).encode()).hexdigest()
//   g = {"Index":0,"Timestamp":"2018-08-07 20:44:00","BPM":0,"PrevHash":"","Validator":""}; g["Hash"]=h(g)
//   addr = sha256("2018-08-07 20:44:01".encode()).hexdigest()
//   b1 = {"Index":1,"BPM":9,"Timestamp":"2018-08-07 20:44:04.500000","PrevHash":g["Hash"],"Validator":addr}
//   b2 = {"Index":1,"BPM":10,"Timestamp":"2018-08-07 20:44:05","PrevHash":g["Hash"],"Validator":addr}  (stale)
//   json.dumps(g); json.dumps(b1); json.dumps(b2); len(json.dumps([g]))+1, ... [g,b1], [g,b1,b2]
const GENESIS_JSON =
  '{"Index": 0, "Timestamp": "2018-08-07 20:44:00", "BPM": 0, "PrevHash": "", "Validator": "", "Hash": "85f72f1cd358a0cf3727789f28628ab5cf40eeac38ea2732464efc5b7e9d4398"}';
const ADDR = '2b7e34c859ae7bd49729df4bf5734534b05319dcac9090ac643c3f16affd7d92';
const B1_JSON =
  '{"Index": 1, "BPM": 9, "Timestamp": "2018-08-07 20:44:04.500000", "PrevHash": "85f72f1cd358a0cf3727789f28628ab5cf40eeac38ea2732464efc5b7e9d4398", "Validator": "2b7e34c859ae7bd49729df4bf5734534b05319dcac9090ac643c3f16affd7d92", "Hash": "1bbe5c7accc049d43ef936beafdcc5b584dec1676a88eac322aa0cde2002097e"}';
const B2_JSON =
  '{"Index": 1, "BPM": 10, "Timestamp": "2018-08-07 20:44:05", "PrevHash": "85f72f1cd358a0cf3727789f28628ab5cf40eeac38ea2732464efc5b7e9d4398", "Validator": "2b7e34c859ae7bd49729df4bf5734534b05319dcac9090ac643c3f16affd7d92", "Hash": "2a5de459bb80fc46b73cb5f673760c88677a829b561df2e42820eb525ee23ebd"}';

test('genesis block, hashes and JSON match the seed byte for byte', () => {
  const chain = new Chain('2018-08-07 20:44:00');
  assert.equal(chain.genesisJson, GENESIS_JSON);
  assert.equal(chain.syncMessageBytes, 170);
  const b1 = chain.appendBuiltOn(0, '9', '2018-08-07 20:44:04.500000', ADDR);
  assert.equal(b1.json, B1_JSON);
  assert.equal(b1.hash, '1bbe5c7accc049d43ef936beafdcc5b584dec1676a88eac322aa0cde2002097e');
  assert.equal(b1.stale, false);
  assert.equal(chain.syncMessageBytes, 474);
});

test('a block built on an old tip is appended anyway and flagged stale', () => {
  const chain = new Chain('2018-08-07 20:44:00');
  chain.appendBuiltOn(0, '9', '2018-08-07 20:44:04.500000', ADDR);
  const b2 = chain.appendBuiltOn(0, '10', '2018-08-07 20:44:05', ADDR);
  assert.equal(b2.json, B2_JSON);
  assert.equal(b2.stale, true);
  assert.equal(b2.index, 1);
  assert.equal(b2.position, 2);
  assert.equal(chain.syncMessageBytes, 772);
  // The next block follows the stale one: Index 2, PrevHash = the stale block's hash.
  const b3 = chain.appendBuiltOn(2, '11', '2018-08-07 20:44:06', ADDR);
  assert.equal(b3.index, 2);
  assert.equal(b3.stale, false);
});

test('a chain that keeps no text counts the same bytes, Index and staleness without hashing', () => {
  const text = new Chain('2018-08-07 20:44:00');
  const counted = new Chain('2018-08-07 20:44:00', false);
  const steps: Array<[number, string, string]> = [
    [0, '9', '2018-08-07 20:44:04.500000'],
    [0, '10', '2018-08-07 20:44:05'], // stale: built on genesis after b1
    [2, '11', '2018-08-07 20:44:06'],
    [3, '12345', '2018-08-07 20:44:07.000001'],
    [1, '7', '2018-08-07 20:44:08'], // stale, Index 2 again
  ];
  for (const [builtOn, bpm, timestamp] of steps) {
    const a = text.appendBuiltOn(builtOn, bpm, timestamp, ADDR);
    const b = counted.appendCounted(builtOn, bpm.length, timestamp.length, ADDR.length);
    assert.deepEqual([b.position, b.index, b.stale, b.hash, b.json], [a.position, a.index, a.stale, '', '']);
    assert.equal(counted.syncMessageBytes, text.syncMessageBytes);
  }
  assert.throws(() => counted.appendBuiltOn(0, '9', 'x', ADDR), /keeps no text/);
  assert.throws(() => text.appendCounted(0, 1, 19, 64), /keeps text/);
});
