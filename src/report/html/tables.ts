import type { SummaryGroup, SummaryValidator } from '../charts/summary-input.js';
import { wilsonInterval } from '../../stats/index.js';
import { escapeHtml } from './escape-html.js';
import { countText, figureText, percentText, pValueText } from './figure-text.js';

interface Column<Row> {
  readonly title: string;
  readonly numeric: boolean;
  readonly cell: (row: Row) => string;
}

function tableHtml<Row>(caption: string, columns: readonly Column<Row>[], rows: readonly Row[]): string {
  const head = columns.map((c) => `<th${c.numeric ? ' class="num"' : ''}>${escapeHtml(c.title)}</th>`).join('');
  const body = rows
    .map((row) => `<tr>${columns.map((c) => `<td${c.numeric ? ' class="num"' : ''}>${escapeHtml(c.cell(row))}</td>`).join('')}</tr>`)
    .join('\n');
  return `<div class="table-wrap"><table>\n<caption>${escapeHtml(caption)}</caption>\n<thead><tr>${head}</tr></thead>\n<tbody>\n${body}\n</tbody>\n</table></div>`;
}

const num = <Row>(title: string, cell: (row: Row) => string): Column<Row> => ({ title, numeric: true, cell });
const text = <Row>(title: string, cell: (row: Row) => string): Column<Row> => ({ title, numeric: false, cell });

/** (wins - expected) / sd: how many standard deviations a group is off its expected wins. */
function zText(wins: number, expected: number, variance: number): string {
  return variance > 0 ? figureText((wins - expected) / Math.sqrt(variance), 3) : '–';
}

export function groupTableHtml(groups: readonly SummaryGroup[]): string {
  return tableHtml<SummaryGroup>(
    'Groups: stake, wins and what stake predicts',
    [
      text('group', (g) => g.group),
      num('validators', (g) => countText(g.validators)),
      num('stake', (g) => countText(g.stake)),
      num('stake share', (g) => percentText(g.globalShare)),
      num('wins', (g) => countText(g.wins)),
      num('expected wins', (g) => figureText(g.expectedWins, 5)),
      num('win share', (g) => percentText(g.winShare)),
      num('expected share', (g) => percentText(g.expectedShare)),
      num('z', (g) => zText(g.wins, g.expectedWins, g.winVariance)),
    ],
    groups,
  );
}

export function validatorTableHtml(validators: readonly SummaryValidator[]): string {
  const rate = (wins: number, trials: number) => (trials > 0 ? wins / trials : Number.NaN);
  return tableHtml<SummaryValidator>(
    `The ${validators.length} validators with the most stake`,
    [
      text('validator', (v) => v.id),
      text('group', (v) => v.group),
      num('stake', (v) => countText(v.stake)),
      num('stake share', (v) => percentText(v.globalShare)),
      num('rounds in pool', (v) => countText(v.roundsInPool)),
      num('wins', (v) => countText(v.wins)),
      num('expected wins', (v) => figureText(v.expectedWins, 5)),
      num('win rate', (v) => percentText(v.winRate ?? rate(v.wins, v.roundsInPool))),
      num('expected rate', (v) => percentText(v.expectedRate ?? rate(v.expectedWins, v.roundsInPool))),
      num('95% Wilson interval', wilsonText),
      num('p (Holm)', (v) => pValueText(v.pHolm)),
    ],
    validators,
  );
}

/** From the summary when it has the interval; computed the same way for older summaries. */
function wilsonText(v: SummaryValidator): string {
  if (v.wilsonLow != null && v.wilsonHigh != null) return `${percentText(v.wilsonLow)} – ${percentText(v.wilsonHigh)}`;
  if (v.roundsInPool < 1) return '–';
  const interval = wilsonInterval(v.wins, v.roundsInPool);
  return `${percentText(interval.lower)} – ${percentText(interval.upper)}`;
}
