import type { ReportSummary } from '../charts/summary-input.js';
import { escapeHtml } from './escape-html.js';
import { bytesText, countText, figureText, percentText, pValueText } from './figure-text.js';

/** How the verdict box looks: the sentence itself says which way it went. */
export function verdictTone(verdict: string): 'ok' | 'alert' | 'neutral' {
  if (/^not\b/i.test(verdict)) return 'alert';
  if (/^consistent\b/i.test(verdict)) return 'ok';
  return 'neutral';
}

/** The top of the report: what ran, the verdict, and the figures worth a glance. */
export function headlineHtml(summary: ReportSummary, description: string | null): string {
  const meta = [
    `seed ${summary.seed}`,
    `rules ${summary.rules}`,
    `lottery ${summary.lottery}`,
    `${countText(summary.validators)} validators`,
    `${countText(summary.rounds)} rounds`,
    `ended by ${summary.stopReason} at t = ${summary.endTimeSeconds} s`,
  ];
  return [
    '<header>',
    `<h1>${escapeHtml(summary.scenario)}</h1>`,
    description ? `<p class="lede">${escapeHtml(description)}</p>` : '',
    `<p class="meta">${meta.map(escapeHtml).join(' · ')}</p>`,
    verdictHtml(summary),
    `<dl class="figures">${keyFigures(summary)
      .map(([term, value, note]) => `<div><dt>${escapeHtml(term)}</dt><dd>${escapeHtml(value)}</dd>${note ? `<dd class="note">${escapeHtml(note)}</dd>` : ''}</div>`)
      .join('')}</dl>`,
    '</header>',
  ].join('\n');
}

function verdictHtml(summary: ReportSummary): string {
  const fairness = summary.fairness;
  if (!fairness) {
    return '<div class="verdict neutral"><p><strong>No fairness verdict:</strong> this results folder was written before pos-sim tested fairness.</p></div>';
  }
  // Each claim gets its own box: the per-round one can hold while the tutorial's global one fails.
  const box = (claim: string, verdict: string) =>
    `<div class="verdict ${verdictTone(verdict)}"><p><strong>${claim}</strong> ${escapeHtml(verdict)}</p></div>`;
  // With rewards the winner-PIT test comes first: the chi-square is not calibrated then.
  const pit = fairness.winnerPit ? [box('Each draw (winner PIT, valid under any reward rule):', fairness.winnerPit.verdict)] : [];
  const perRound = [box('Wins against pool stake:', fairness.verdict)];
  return [
    ...(fairness.headline === 'winner-pit' ? [...pit, ...perRound] : [...perRound, ...pit]),
    ...(fairness.global ? [box('Wins against total stake (the tutorial’s claim):', fairness.global.verdict)] : []),
  ].join('\n');
}

type Figure = [term: string, value: string, note?: string];

function keyFigures(summary: ReportSummary): Figure[] {
  const figures: Figure[] = [];
  const fairness = summary.fairness;
  const chi = fairness?.chiSquare;
  if (chi) figures.push(['chi-square p', pValueText(chi.pValue), `χ² = ${figureText(chi.statistic)}, ${chi.degreesOfFreedom} df`]);
  if (fairness?.gTest) figures.push(['G-test p', pValueText(fairness.gTest.pValue)]);
  if (typeof fairness?.totalVariation === 'number') {
    const fair = typeof fairness.expectedTotalVariation === 'number' ? `; a fair lottery gives ${figureText(fairness.expectedTotalVariation, 3)} on average` : '';
    figures.push(['total variation', figureText(fairness.totalVariation, 3), `between win shares and expected shares${fair}`]);
  }
  const largest = [...summary.groups].sort((a, b) => b.stake - a.stake)[0];
  if (largest && summary.groups.length > 1) {
    figures.push([`group ${largest.group} won`, percentText(largest.winShare), `expected ${percentText(largest.expectedShare)}`]);
  }
  const c = summary.concentration;
  if (c) {
    figures.push(['stake Gini', figureText(c.stake.gini, 3), `blocks: ${figureText(c.blocks.gini, 3)}`]);
    figures.push(['Nakamoto coefficient', countText(c.stake.nakamoto50), `validators holding half the stake; of blocks: ${countText(c.blocks.nakamoto50)}`]);
  }
  const q = summary.quirks;
  figures.push(
    q.halt
      ? ['lottery thread', `died at t = ${q.haltTimeSeconds ?? q.halt.timeUs / 1e6} s`, `${q.halt.reason}, after round ${q.halt.afterRound}`]
      : ['lottery thread', 'ran to the end'],
  );
  figures.push(['stale blocks appended', countText(q.staleBlocksAppended)]);
  figures.push(['announcements lost', countText(q.announcementsLost), `of ${countText(q.announcementsMade)} made`]);
  figures.push(['peak threads', countText(q.peakThreads)]);
  figures.push(['sync traffic', bytesText(Number(q.syncBytes)), `${countText(q.syncMessages)} messages`]);
  return figures;
}
