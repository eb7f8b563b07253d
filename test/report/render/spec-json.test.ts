import { test } from 'node:test';
import assert from 'node:assert/strict';
import { specJson } from '../../../src/report/render/spec-json.js';

test('a spec reads like indented JSON, with short arrays and objects kept on one line', () => {
  const spec = {
    mark: 'point',
    data: { values: Array.from({ length: 3 }, (_, i) => ({ round: i, share: i / 3, series: 'whale-0', group: 'whale', expected: 0.18 })) },
    encoding: { x: { field: 'round', type: 'quantitative' } },
  };
  assert.equal(
    specJson(spec),
    `{
  "mark": "point",
  "data": {
    "values": [
      {"round":0,"share":0,"series":"whale-0","group":"whale","expected":0.18},
      {"round":1,"share":0.3333333333333333,"series":"whale-0","group":"whale","expected":0.18},
      {"round":2,"share":0.6666666666666666,"series":"whale-0","group":"whale","expected":0.18}
    ]
  },
  "encoding": {"x":{"field":"round","type":"quantitative"}}
}
`,
  );
});

test('it is the same JSON: parsing gives the spec back', () => {
  const spec = { a: [1, [2, 3], { b: null, c: 'x'.repeat(120) }], d: {}, e: [], f: undefined };
  assert.deepEqual(JSON.parse(specJson(spec)), JSON.parse(JSON.stringify(spec)));
});
