import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bytesText, countText, figureText, percentText, pValueText } from '../../../src/report/html/figure-text.js';
import { escapeHtml } from '../../../src/report/html/escape-html.js';

test('figures read as people write them', () => {
  assert.equal(countText(20030011), '20,030,011');
  assert.equal(countText(5), '5');
  assert.equal(percentText(0.18173309768608334), '18.17%');
  assert.equal(percentText(0.0000272), '0.0027%');
  assert.equal(percentText(0), '0.00%');
  assert.equal(percentText(Number.NaN), '–');
  assert.equal(pValueText(0.35), '0.35');
  assert.equal(pValueText(0.000012345), '1.23e-5');
  assert.equal(pValueText(null), '–');
  assert.equal(figureText(1817.3309854479498, 5), '1817.3');
  assert.equal(bytesText(1365358096623141), '1.37 PB');
  assert.equal(bytesText(467), '467 B');
  assert.equal(escapeHtml(`<a href="x">'&'</a>`), '&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
});
