/**
 * Segments: RFM scores and named segments (coverage, bin edges, tie policy), ABC classes with the
 * Pareto curve, and k-means on R, F, M with k chosen by the user.
 */
import {
  clusterProfileChart,
  migrationChart,
  paretoChart,
  rfmHeatmapChart,
  segmentSummaryChart,
  type KMeansResult,
  type MeasureBreaks,
  type RfmTies,
} from '../../core/index.ts';
import { excludedCustomersNote, lateRowsNote } from '../analysis/data-notes.ts';
import { fieldProblems, PANE_LIMITS } from '../analysis/limits.ts';
import type { SegmentsResult } from '../analysis/segments.ts';
import { defaultMigrationDates, type MigrationResult } from '../analysis/migration.ts';
import { blockFromRows, blockFromTable, type ResultBlock } from '../excel/result-block.ts';
import { guessMapping } from '../mapping/guess.ts';
import { TRANSACTION_ROLES } from '../mapping/roles.ts';
import { cdnowSample } from '../samples/cdnow.ts';
import { withProgress } from '../ui/progress.ts';
import { plotWidth, renderChart } from '../ui/chart.ts';
import { button, checkbox, limitedInput, select, textInput } from '../ui/controls.ts';
import { clear, el } from '../ui/dom.ts';
import { fmt, int, pct } from '../ui/format.ts';
import { mappingForm } from '../ui/mapping-form.ts';
import { dateField } from '../ui/field-check.ts';
import { errorText, showProblems } from '../ui/messages.ts';
import { renderTable } from '../ui/table.ts';
import { columnValues } from '../../core/table/column-values.ts';
import type { View, ViewContext } from './view.ts';
import { viewShell } from './view-shell.ts';
import { sqlPanel } from './sql-panel.ts';
import { summaryInputChoice } from './summary-input-panel.ts';
import { looksLikeRfmSummary, RFM_SUMMARY_ROLES, rfmSummaryProblems } from '../analysis/segments-summary-input.ts';
import { tiePolicyPanel } from './tie-policy-panel.ts';
import type { TieComparison } from '../analysis/tie-policies.ts';

const TIES: { value: RfmTies; text: string }[] = [
  { value: 'quantile', text: 'quantile breaks (ties share a score)' },
  { value: 'dense', text: 'quantiles of distinct values' },
  { value: 'first', text: 'equal-sized classes (ties by row order)' },
];

function breaksRows(measure: string, b: MeasureBreaks) {
  return {
    measure: `${measure} (${b.column})`,
    breaks: b.breaks.map((x) => (Number.isInteger(x) ? int(x) : fmt(x, 2))).join(' | '),
    counts: b.counts.map((c, i) => `${i + 1}: ${int(c)}`).join(', '),
    empty: b.empty.length ? b.empty.join(', ') : 'none',
    distinct: b.distinct,
  };
}

interface SegmentsState {
  result: SegmentsResult;
  clusters: KMeansResult | null;
  /** Why k-means did not run (k out of range, too few customers or distinct profiles). */
  kProblem: string | null;
  migration?: MigrationResult;
  /** The migration panel's default dates (computed with the segments, in the worker). */
  migrationDates?: { from: string; to: string };
  /** The Pareto chart's spec (built in the worker from every customer's value). */
  pareto?: ReturnType<typeof paretoChart>;
  /** The segments' shares under each tie policy (computed in the worker). */
  tieShares?: TieComparison | null;
  /** The RFM heatmap's spec (built in the worker from every customer's scores). */
  heatmap?: ReturnType<typeof rfmHeatmapChart>;
}

async function renderMigration(target: HTMLElement, { migration, slipping }: MigrationResult): Promise<void> {
  clear(target);
  await renderChart(target, migrationChart(migration), 'chart-migration');
  await renderChart(target, migrationChart(migration, { measure: 'spend', title: 'Spend between the dates, by migration path' }), 'chart-migration-spend');
  target.appendChild(
    renderTable(
      slipping,
      [{ key: 'customer', label: 'Customer', format: (v) => String(v) }, { key: 'fromSegment', label: `Segment at ${migration.from}` }, { key: 'toSegment', label: `Segment at ${migration.to}` }, { key: 'spend', label: 'Spend in between', format: (v) => fmt(v, 2) }],
      'migration-slipping',
      `${int(slipping.length)} customers moved from a valuable segment (Champions, Loyal Customers, Potential Loyalist) to an at-risk one (At Risk, Can't Lose Them, About To Sleep, Lost)`,
    ),
  );
}

async function renderKMeans(target: HTMLElement, clusters: KMeansResult | null, problem: string | null): Promise<void> {
  clear(target);
  if (!clusters) {
    target.appendChild(el('p', { class: 'problems', role: 'alert', 'data-testid': 'kmeans-problem' }, `k-means could not run: ${problem ?? ''}`));
    return;
  }
  await renderChart(target, clusterProfileChart(clusters, { title: 'Cluster profiles (colour: z-score of the centroid)', cell: 70 }), 'chart-kmeans');
  const rows = clusters.centroids.map((c, i) => ({
    cluster: `Cluster ${i + 1}`,
    customers: clusters.sizes[i],
    recency: c[0],
    frequency: c[1],
    monetary: c[2],
  }));
  target.appendChild(
    renderTable(rows, ['cluster', { key: 'customers', format: (v) => int(v as number) }, 'recency', 'frequency', 'monetary'], 'kmeans-profiles', `Cluster centroids (inertia ${fmt(clusters.inertia, 1)} on standardized ${clusters.transform.includes('log') ? 'recency, log frequency, log monetary' : 'R, F, M'}; ${clusters.iterations} iterations)`),
  );
}

export const segmentsView: View = {
  id: 'segments',
  title: 'Segments',
  sample: cdnowSample,
  render(root: HTMLElement, context: ViewContext) {
    const { data } = context;
    const form = mappingForm(data.header, TRANSACTION_ROLES, guessMapping(data.header, TRANSACTION_ROLES, data.table), () => undefined);
    const bins = limitedInput(PANE_LIMITS.bins, 5, 'bins');
    const ties = select('Ties', TIES, 'quantile', 'ties');
    const asOf = textInput('Recency as of', '', 'last purchase day up to today', 'as-of');
    const asOfProblems = dateField('Recency as of', asOf.input, 'the last purchase day up to today');
    const k = limitedInput(PANE_LIMITS.k, 4, 'k');
    const logScale = checkbox('k-means on log frequency and log spend (skewed measures; outliers otherwise get their own cluster)', true, 'log-scale');
    const options = el('fieldset', { class: 'options' }, el('legend', {}, 'Options'), bins.wrap, ties.wrap, asOf.wrap, k.wrap, logScale.wrap);
    const state: { current: SegmentsState | null } = { current: null };

    const sql = sqlPanel(root, { kind: 'rfm-summary', mapping: () => form.value(), date: () => asOf.input.value });
    const input = summaryInputChoice(data, [form.element, asOf.wrap, sql], {
      roles: RFM_SUMMARY_ROLES,
      looksLike: looksLikeRfmSummary(data.header),
      summaryText: 'RFM summary (one row per customer: recency, frequency, monetary)',
      note: 'One row per customer, recency in days: what the RFM summary query returns when a database summarises a log too big for a sheet.',
      problems: (mapping) => rfmSummaryProblems(data.table, mapping, data.rowNumber),
    });
    const summaryInput = () => input.input() === 'summary';
    const shell = viewShell<SegmentsState>(root, context, {
      controls: [input.element, input.summaryElement, form.element, options, sql],
      validate: async (task) => [
        ...(summaryInput()
          ? await task.analyse('checkRfmSummary', data.table, input.summaryMapping(), data.rowNumber(0))
          : await task.analyse('checkMapping', data.table, TRANSACTION_ROLES, form.value(), data.rowNumber(0))),
        ...fieldProblems([[PANE_LIMITS.bins, bins.input.value]]),
        ...asOfProblems(),
      ],
      busyLabel: () => `Scoring ${int(data.table.numRows())} transactions and clustering`,
      compute: async (task) => {
        const scoring = { bins: Number(bins.input.value), ties: ties.input.value as RfmTies, asOf: asOf.input.value.trim() || undefined };
        const kmeans = { k: Number(k.input.value), log: logScale.input.checked };
        state.current = summaryInput()
          ? await task.analyse('segmentsFromSummary', data.table, input.summaryMapping(), scoring, kmeans)
          : await task.analyse('segments', data.table, form.value(), scoring, kmeans);
        return state.current;
      },
      render: async (results, { result, clusters }) => {
        const n = result.customers.numRows();
        results.appendChild(el('h2', {}, 'RFM segments'));
        const late = lateRowsNote(result.window, form.value().date as string, data.rowNumber, '"Recency as of"');
        if (late) results.appendChild(el('p', { class: 'note', 'data-testid': 'late-rows' }, late));
        const columns = result.input === 'summary' ? { ...input.summaryMapping(), amount: input.summaryMapping().monetary } : form.value();
        const left = excludedCustomersNote(result.excluded, columns.amount as string, columns.customer as string, data.rowNumber);
        if (left) results.appendChild(el('p', { class: 'note', 'data-testid': 'excluded-customers' }, left));
        results.appendChild(
          el('p', {}, `${int(result.allCustomers)} customers${result.input === 'summary' ? ' from the summary; recency in days as given' : `, ${int(result.transactions)} transactions; recency in days to ${result.asOf}`}.${result.excluded.length ? ` ${int(n)} customers scored.` : ''}`),
        );
        if (result.segments && result.profile) {
          await renderChart(results, segmentSummaryChart(result.profile, { width: plotWidth(results, 130) }), 'chart-segments');
          const coverage = result.segments.coverage.map((c) => ({ ...c }));
          results.appendChild(
            renderTable(
              coverage,
              [
                { key: 'segment', label: 'Segment' },
                { key: 'customers', label: 'Customers', format: (v) => int(v as number) },
                { key: 'share', label: 'Share', format: (v) => pct(v as number) },
                { key: 'eligible', label: 'Rule alone', format: (v) => int(v as number), numeric: true },
              ],
              'segment-coverage',
              'Coverage: first matching rule wins; "rule alone" counts the customers the rule matches ignoring earlier rules',
            ),
          );
          if (result.segments.unused.length > 0) {
            results.appendChild(el('p', { class: 'note' }, `Rules that matched nobody first: ${result.segments.unused.join(', ')}.`));
          }
        } else {
          results.appendChild(el('p', { class: 'note', 'data-testid': 'segment-coverage' }, 'Named segments use the rules for 5 scores; set RFM scores to 5 to see them.'));
        }
        results.appendChild(el('h3', {}, 'Bin edges and tie policy'));
        results.appendChild(el('p', { class: 'note', 'data-testid': 'tie-policy' }, `Tie policy (${result.breaks.ties}): ${result.breaks.policy}.`));
        if (result.segments) results.appendChild(tiePolicyPanel(result.customers, result.breaks.ties, state.current?.tieShares));
        const b = result.breaks;
        results.appendChild(
          renderTable(
            [breaksRows('Recency, reversed', b.recency), breaksRows('Frequency', b.frequency), breaksRows('Monetary', b.monetary)],
            [
              { key: 'measure', label: 'Measure' },
              { key: 'breaks', label: 'Breaks' },
              { key: 'counts', label: 'Customers per score' },
              { key: 'empty', label: 'Empty scores' },
              { key: 'distinct', label: 'Distinct values', format: (v) => int(v as number) },
            ],
            'bin-edges',
            'Bin edges: the breaks of each measure and the customers per score',
          ),
        );
        // A short title: the pane is narrow. Monetary here is each customer's total spend.
        await renderChart(results, state.current?.heatmap ?? rfmHeatmapChart(result.customers, { valueLabel: 'spend', title: 'Customers (number), mean spend (colour)' }), 'chart-rfm-heatmap');

        results.appendChild(el('h2', {}, 'ABC classes (Pareto)'));
        const width = plotWidth(results);
        const pareto = state.current?.pareto ?? paretoChart(columnValues(result.customers, 'monetary', 'customers'));
        await renderChart(results, { ...pareto, width, height: Math.round(width * 0.75) }, 'chart-pareto');
        results.appendChild(
          renderTable(
            result.abc.summary.map((s) => ({ ...s })),
            [
              { key: 'class', label: 'Class' },
              { key: 'customers', label: 'Customers', format: (v) => int(v as number) },
              { key: 'customerShare', label: 'Share of customers', format: (v) => pct(v as number) },
              { key: 'value', label: 'Value', format: (v) => fmt(v, 2) },
              { key: 'valueShare', label: 'Share of value', format: (v) => pct(v as number) },
            ],
            'abc-summary',
            `Cutoffs ${result.abc.cutoffs.map((c) => pct(c, 0)).join(' / ')} of cumulative value`,
          ),
        );

        results.appendChild(el('h2', {}, 'k-means clusters'));
        results.appendChild(el('p', { class: 'note' }, 'On recency, frequency and monetary value (frequency and spend as log1p when the option is ticked), standardized; k-means++ starts, seeded (same k, same clusters).'));
        const recluster = button('Re-cluster with k', 'recluster');
        const kmeansArea = el('div', { 'data-testid': 'kmeans-area' });
        results.append(el('div', { class: 'actions' }, recluster), kmeansArea);
        await renderKMeans(kmeansArea, clusters, state.current?.kProblem ?? null);
        // The migration needs the transactions' dates: not shown for a summary.
        const dated = result.input !== 'summary';
        if (dated) results.appendChild(el('h2', {}, 'Migration'));
        if (dated) results.appendChild(el('p', { class: 'note' }, 'Segments at two dates, each scored with its own breaks; customers first seen after the first date are New.'));
        const dates = dated ? (state.current?.migrationDates ?? defaultMigrationDates(data.table, form.value().date as string)) : { from: '', to: '' };
        const migrateFrom = textInput('From', dates.from, 'yyyy-mm-dd', 'migration-from');
        const migrateTo = textInput('To', dates.to, 'yyyy-mm-dd', 'migration-to');
        dateField('From', migrateFrom.input);
        dateField('To', migrateTo.input);
        const migrate = button('Show migration', 'migrate');
        const migrationArea = el('div', { 'data-testid': 'migration-area' });
        if (dated) results.append(el('div', { class: 'options' }, migrateFrom.wrap, migrateTo.wrap), el('div', { class: 'actions' }, migrate), migrationArea);
        migrate.addEventListener('click', async () => {
          if (!state.current) return;
          const current = state.current;
          try {
            const fresh = await withProgress(root, `Scoring the segments at ${migrateFrom.input.value} and ${migrateTo.input.value}`, (task) =>
              task.analyse('migration', data.table, form.value(), migrateFrom.input.value.trim(), migrateTo.input.value.trim()),
            );
            current.migration = fresh;
            showProblems(shell.problems, []);
            await renderMigration(migrationArea, fresh);
          } catch (error) {
            showProblems(shell.problems, [errorText(error)], 'The migration could not be computed:');
          }
        });
        recluster.addEventListener('click', async () => {
          if (!state.current) return;
          const current = state.current;
          try {
            const fresh = await withProgress(root, `k-means with k = ${k.input.value} on ${int(n)} customers`, (task) =>
              task.analyse('clusterCustomers', current.result.customers, { k: Number(k.input.value), log: logScale.input.checked }),
            );
            current.clusters = fresh.clusters;
            current.kProblem = fresh.problem;
            await renderKMeans(kmeansArea, fresh.clusters, fresh.problem);
          } catch (error) {
            showProblems(shell.problems, [errorText(error)], 'k-means could not run:');
          }
        });
      },
      blocks: (computed) => blocks(state.current ?? computed),
      sheetName: 'CVK Segments',
    });
    void shell.run();
  },
};

function blocks({ result, clusters, migration }: SegmentsState): ResultBlock[] {
  let customers = result.customers;
  if (clusters) customers = customers.assign({ cluster: Array.from(clusters.assignments, (c) => c + 1) });
  const out: ResultBlock[] = [
    blockFromTable(`Customers: RFM scores, segment, ABC class${clusters ? ', k-means cluster' : ''} (recency in days to ${result.asOf})`, customers),
  ];
  if (result.segments) {
    out.push(blockFromRows('Segment coverage (first matching rule wins)', ['segment', 'customers', 'share', 'eligible'], result.segments.coverage as unknown as Record<string, unknown>[]));
  }
  const b = result.breaks;
  out.push(
    blockFromRows(`RFM bin edges; tie policy (${b.ties}): ${b.policy}`, ['measure', 'breaks', 'counts', 'empty', 'distinct'], [
      breaksRows('Recency, reversed', b.recency),
      breaksRows('Frequency', b.frequency),
      breaksRows('Monetary', b.monetary),
    ]),
  );
  if (result.excluded.length > 0) {
    out.push(
      blockFromRows(
        'Customers left out of scores, segments, ABC and k-means: amounts net to zero or less (returns)',
        ['customer', 'monetary'],
        result.excluded.map((e) => ({ customer: e.customer, monetary: e.monetary })),
      ),
    );
  }
  out.push(blockFromRows('ABC classes', ['class', 'customers', 'customerShare', 'value', 'valueShare'], result.abc.summary));
  if (migration) {
    const m = migration.migration;
    out.push(blockFromTable(`Segment migration from ${m.from} to ${m.to}: customers and spend in between per pair of segments`, m.matrix));
    out.push(blockFromRows(`Customers who moved from a valuable to an at-risk segment (${m.from} → ${m.to})`, ['customer', 'fromSegment', 'toSegment', 'spend'], migration.slipping));
  }
  if (clusters) {
    out.push(
      blockFromRows(
        'k-means centroids (original units)',
        ['cluster', 'customers', 'recency', 'frequency', 'monetary'],
        clusters.centroids.map((c, i) => ({ cluster: i + 1, customers: clusters.sizes[i], recency: c[0], frequency: c[1], monetary: c[2] })),
      ),
    );
  }
  return out;
}
