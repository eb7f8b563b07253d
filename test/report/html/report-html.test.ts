import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Chart } from '../../../src/report/charts/chart.js';
import { parseSummary, type ReportSummary } from '../../../src/report/charts/summary-input.js';
import { verdictTone } from '../../../src/report/html/headline.js';
import { reportHtml, type RenderedChart } from '../../../src/report/html/report-html.js';
import { fixtureSource, type FixtureName } from '../results-fixtures.js';

const summaryOf = async (name: FixtureName): Promise<ReportSummary> => parseSummary((await fixtureSource(name).text('summary.json'))!);

const fakeChart = (id: string): RenderedChart => ({
  chart: { id, heading: `Heading of ${id}`, caption: `Caption of ${id} <with> markup`, spec: { mark: 'point' } } as Chart,
  svg: `<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect id="${id}-1" width="5" height="5"/></svg>`,
  files: { png: `charts/${id}.png`, svg: `charts/${id}.svg`, spec: `charts/${id}.vl.json` },
});

test('the page stands alone: inline style and SVG, no script, nothing fetched from elsewhere', async () => {
  const html = reportHtml({ summary: await summaryOf('seed-rewards'), description: null, charts: [fakeChart('win-rate')], skipped: [] });
  assert.match(html, /^<!DOCTYPE html>\n<html lang="en">/);
  assert.match(html, /<style>[^<]+<\/style>/);
  assert.doesNotMatch(html, /<script|<link|<img|<iframe|@import|url\(http/i);
  // Every src/href points inside the results folder or the page itself.
  for (const [, target] of html.matchAll(/(?:src|href)="([^"]*)"/g)) assert.match(target!, /^(#|charts\/)/);
  assert.match(html, /<figure><svg xmlns="http:\/\/www.w3.org\/2000\/svg" width="10"/);
  assert.match(html, /<a href="charts\/win-rate.png">PNG<\/a>/);
});

test('the headline has the scenario, seed, verdict and key figures; text from files is escaped', async () => {
  const summary = await summaryOf('seed-rewards');
  const html = reportHtml({ summary, description: 'one <small> validator types "1,000 tokens"', charts: [fakeChart('a')], skipped: ['x: <none>'] });
  assert.match(html, /<h1>seed-rewards<\/h1>/);
  assert.match(html, /seed 3 · rules seed · lottery periodic · 7 validators · 100 rounds · ended by duration at t = 1500 s/);
  assert.match(html, /one &lt;small&gt; validator types &quot;1,000 tokens&quot;/);
  assert.match(html, /Caption of a &lt;with&gt; markup/);
  assert.match(html, /x: &lt;none&gt;/);
  assert.match(html, /<div class="verdict ok"><p><strong>Wins against pool stake:<\/strong> consistent with p = stake \/ pool stake/);
  assert.match(html, /Wins against total stake/);
  assert.match(html, /<dt>lottery thread<\/dt><dd>died at t = 1010 s<\/dd><dd class="note">empty-pool, after round 100<\/dd>/);
  assert.match(html, /<dt>stake Gini<\/dt>/);
  assert.match(html, /<dt>stale blocks appended<\/dt><dd>2<\/dd>/);
});

test('the tables list every group and the top validators with their rates and intervals', async () => {
  const summary = await summaryOf('seed-rewards');
  const html = reportHtml({ summary, description: null, charts: [], skipped: [] });
  const groups = html.slice(html.indexOf('<caption>Groups'), html.indexOf('</table>', html.indexOf('<caption>Groups')));
  assert.equal((groups.match(/<tr>/g) ?? []).length, 1 + summary.groups.length);
  // whale-0: 40 wins in 100 rounds, Wilson 30.94% – 49.80%, as in summary.json.
  assert.match(html, /<td>whale-0<\/td><td>whale<\/td>.*<td class="num">40.00%<\/td>.*<td class="num">30.94% – 49.80%<\/td>/);
});

test('a summary from before fairness testing says there is no verdict, and still lists its tables', async () => {
  const html = reportHtml({ summary: await summaryOf('churn-v0'), description: null, charts: [], skipped: [] });
  assert.match(html, /<div class="verdict neutral"><p><strong>No fairness verdict:/);
  // Wilson interval computed for older summaries: early-0 won 2 of 5.
  assert.match(html, /<td>early-0<\/td>.*<td class="num">11.76% – 76.93%<\/td>/);
});

test('the verdict box follows the verdict sentence', () => {
  assert.equal(verdictTone('consistent with p = stake / pool stake (per round) at the 1% level'), 'ok');
  assert.equal(verdictTone('NOT consistent with the seed\'s p = stake / total stake at the 1% level'), 'alert');
  assert.equal(verdictTone('Not a fair lottery at the 0.01 level'), 'alert');
  assert.equal(verdictTone('p = stake / pool stake (per round): not testable with 3 round(s)'), 'neutral');
});

test('with rewards the winner-PIT box comes first; without, after the per-round one', async () => {
  const summary = await summaryOf('seed-rewards');
  const pit = { verdict: 'consistent with a fair draw in every round at the 1% level (winner PIT over 100 rounds: KS p = 0.5)', ksPValue: 0.5 };
  const order = (headline: 'winner-pit' | 'per-round') => {
    const html = reportHtml({ summary: { ...summary, fairness: { ...summary.fairness!, headline, winnerPit: pit } }, description: null, charts: [], skipped: [] });
    return { pit: html.indexOf('Each draw (winner PIT'), perRound: html.indexOf('Wins against pool stake:') };
  };
  const withRewards = order('winner-pit');
  assert.ok(withRewards.pit >= 0 && withRewards.pit < withRewards.perRound);
  const without = order('per-round');
  assert.ok(without.perRound >= 0 && without.perRound < without.pit);
});
