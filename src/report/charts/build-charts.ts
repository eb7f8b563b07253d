import type { Chart } from './chart.js';
import { concentrationChart, readConcentration } from './concentration-chart.js';
import { mergePeriods, readQuirkPeriods, type QuirkPeriod } from './quirk-periods.js';
import { readReplications } from './replication-input.js';
import { replicationsChart } from './replications-chart.js';
import type { CsvRecord, ResultsSource } from './results-source.js';
import { runningShareChart } from './running-share-chart.js';
import { runningShareSeries, type ShareSeries } from './running-share-series.js';
import { runningShares } from './running-shares.js';
import { seedQuirksChart } from './seed-quirks-chart.js';
import { readShareHistory, shareHistoryChart } from './share-history-chart.js';
import { rewardsKind, type ReportSummary } from './summary-input.js';
import { readValidators, type ChartValidators } from './validator-input.js';
import { winRateChart } from './win-rate-chart.js';
import { winRatePoints } from './win-rate-points.js';

export interface BuiltCharts {
  readonly charts: Chart[];
  /** Why each missing chart is missing, e.g. "replications: no replications.csv (run with --replications N)". */
  readonly skipped: string[];
}

/** The sync period when neither the manifest nor quirks.csv tells it: the seed's 30 s. */
const DEFAULT_SYNC_SECONDS = 30;

/**
 * Every chart the files of a results folder support, in report order. A chart
 * whose input file is absent (older results, no --replications, rules: fixed, no
 * rewards) is skipped with the reason, never an error. `validators`, when given, are
 * validators.csv's figures already in memory (the run that wrote the file), which
 * spares reading it back: at a million validators that took some 12 s.
 */
export async function buildCharts(source: ResultsSource, summary: ReportSummary, validatorsInMemory?: ChartValidators): Promise<BuiltCharts> {
  const charts: Chart[] = [];
  const skipped: string[] = [];
  const groups = summary.groups.map((g) => g.group);
  const validators = validatorsInMemory ?? (await validatorsOf(source));

  if (!validators) skipped.push('win-rate: no validators.csv');
  else charts.push(winRateChart(winRatePoints(validators), groups));

  const rounds = source.rows('rounds.csv');
  if (!validators || !rounds) skipped.push('running-share: needs validators.csv and rounds.csv');
  else if (summary.rounds < 1) skipped.push('running-share: no rounds were drawn');
  else {
    const series = runningShareSeries(summary, validators);
    if (series.length === 0) skipped.push('running-share: no validator or group had a share of the wins to follow');
    else charts.push(await runningShare(rounds, series, summary));
  }

  const shares = source.rows('shares.csv');
  if (!shares) skipped.push('share-history: no shares.csv');
  else charts.push(shareHistoryChart(await readShareHistory(shares)));

  const timeseries = source.rows('timeseries.csv');
  const rewards = rewardsKind(summary);
  if (!timeseries) skipped.push('concentration: no timeseries.csv');
  else if (rewards === 'none') skipped.push('concentration: no rewards, so stake never moves');
  else charts.push(concentrationChart(await readConcentration(timeseries), rewards));

  const replications = source.rows('replications.csv');
  if (!replications) skipped.push('replications: no replications.csv (run with --replications N)');
  else charts.push(replicationsChart(await readReplications(replications), summary.replications));

  const quirks = source.rows('quirks.csv');
  if (summary.rules !== 'seed') skipped.push(`seed-quirks: rules are ${summary.rules}, not seed`);
  else if (!quirks) skipped.push('seed-quirks: no quirks.csv');
  else charts.push(await seedQuirks(quirks, summary, await syncSecondsFromManifest(source)));

  return { charts, skipped };
}

async function validatorsOf(source: ResultsSource): Promise<ChartValidators | null> {
  const rows = source.rows('validators.csv');
  return rows ? readValidators(rows) : null;
}

async function runningShare(rounds: AsyncIterable<CsvRecord>, series: readonly ShareSeries[], summary: ReportSummary): Promise<Chart> {
  const points = await runningShares(rounds, series, summary.rounds);
  return runningShareChart(points, series.map((s) => s.label), summary.groups.map((g) => g.group), summary.rounds);
}

async function seedQuirks(rows: AsyncIterable<CsvRecord>, summary: ReportSummary, syncSeconds: number | null): Promise<Chart> {
  const all = await readQuirkPeriods(rows);
  const { periods, merged } = mergePeriods(all);
  return seedQuirksChart({
    periods,
    merged,
    periodSeconds: syncSeconds ?? periodFromRows(all),
    endSeconds: Number(summary.endTimeSeconds),
    haltSeconds: summary.quirks.haltTimeSeconds !== null ? Number(summary.quirks.haltTimeSeconds) : firstDeadTime(all),
  });
}

async function syncSecondsFromManifest(source: ResultsSource): Promise<number | null> {
  const text = await source.text('manifest.json');
  if (text === null) return null;
  const manifest = JSON.parse(text) as { model?: { timings?: { syncUs?: number } } };
  const syncUs = manifest.model?.timings?.syncUs;
  return typeof syncUs === 'number' ? syncUs / 1e6 : null;
}

function periodFromRows(periods: readonly QuirkPeriod[]): number {
  const [first, second] = periods;
  return first && second ? second.time - first.time : DEFAULT_SYNC_SECONDS;
}

function firstDeadTime(periods: readonly QuirkPeriod[]): number | null {
  return periods.find((p) => !p.lotteryAlive)?.time ?? null;
}
