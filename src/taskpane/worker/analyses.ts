/**
 * The analyses the pane runs off the main thread, by name. Each entry is one of the pure
 * functions of `../analysis` (table and settings in, results out), or a few of them in a row
 * with a stage report between; the view asks for one by name (`task.analyse('segments', …)`).
 */
import { runLifetime, runValueOverQuarters } from '../analysis/lifetime.ts';
import { runLifetimeFromSummary, summaryProblems } from '../analysis/lifetime-summary-input.ts';
import { rfmSummaryProblems, runSegmentsFromSummary } from '../analysis/segments-summary-input.ts';
import { runValueMapOverTime } from '../analysis/value-map-movement.ts';
import { paretoChart } from '../../core/charts/pareto-chart.ts';
import { rfmHeatmapChart } from '../../core/charts/rfm-heatmap-chart.ts';
import { columnValues } from '../../core/table/column-values.ts';
import { defaultMigrationDates, runMigration } from '../analysis/migration.ts';
import { runSatisfaction } from '../analysis/satisfaction.ts';
import { runSatisfactionLoyaltyPanel } from '../analysis/satisfaction-insights.ts';
import { commentsStart, commentTerms } from '../analysis/comments-start.ts';
import { clusterCustomers, runSegments, type KMeansViewOptions, type SegmentsOptions } from '../analysis/segments.ts';
import { runTracking } from '../analysis/tracking.ts';
import { sharesByTiePolicy } from '../analysis/tie-policies.ts';
import { runValueMap } from '../analysis/value-map.ts';
import type { ColumnTable } from '../excel/cell-values.ts';
import type { Mapping, Role } from '../mapping/roles.ts';
import { validateMapping } from '../mapping/validate.ts';
import { reportStage } from './stage.ts';

/** The Segments view's RFM heatmap (a pass over every customer): built here, drawn in the pane. */
export function segmentsHeatmap(customers: ColumnTable) {
  // A short title: the pane is narrow. Monetary here is each customer's total spend.
  return rfmHeatmapChart(customers, { valueLabel: 'spend', title: 'Customers (number), mean spend (colour)' });
}

/** RFM scores, segments and ABC classes, then k-means on the scored customers. */
function segmentsWithClusters(table: ColumnTable, mapping: Mapping, options: SegmentsOptions, kmeans: KMeansViewOptions) {
  reportStage('Scoring recency, frequency and monetary value');
  const result = runSegments(table, mapping, options);
  reportStage(`Clustering ${result.customers.numRows().toLocaleString('en-US')} customers (k-means)`);
  const { clusters, problem } = clusterCustomers(result.customers, kmeans);
  // The migration panel's default dates: a pass over every date, done here rather than in the pane.
  const migrationDates = defaultMigrationDates(table, mapping.date as string);
  // The Pareto curve sorts every customer's value: its spec is built here too (the pane sets the size).
  const pareto = paretoChart(columnValues(result.customers, 'monetary', 'customers'));
  // The tie policy panel rescores every customer under each policy: here too, not in the pane.
  const tieShares = result.segments ? sharesByTiePolicy(result.customers) : null;
  return { result, clusters, kProblem: problem, migrationDates, pareto, tieShares, heatmap: segmentsHeatmap(result.customers) };
}

/** RFM scores, segments and ABC classes from a per-customer summary (no dates: no migration), then k-means. */
function segmentsFromSummaryWithClusters(table: ColumnTable, mapping: Mapping, options: SegmentsOptions, kmeans: KMeansViewOptions) {
  reportStage('Scoring recency, frequency and monetary value from the summary');
  const result = runSegmentsFromSummary(table, mapping, options);
  reportStage(`Clustering ${result.customers.numRows().toLocaleString('en-US')} customers (k-means)`);
  const { clusters, problem } = clusterCustomers(result.customers, kmeans);
  const pareto = paretoChart(columnValues(result.customers, 'monetary', 'customers'));
  const tieShares = result.segments ? sharesByTiePolicy(result.customers) : null;
  return { result, clusters, kProblem: problem, pareto, tieShares, heatmap: segmentsHeatmap(result.customers) };
}

/** The Lifetime view's customer summary (x, t_x, T, monetary) checked off the main thread. */
function checkLifetimeSummary(table: ColumnTable, mapping: Mapping, firstRow: number): string[] {
  return summaryProblems(table, mapping, (i) => firstRow + i);
}

/** The Segments view's RFM summary (recency, frequency, monetary) checked off the main thread. */
function checkRfmSummary(table: ColumnTable, mapping: Mapping, firstRow: number): string[] {
  return rfmSummaryProblems(table, mapping, (i) => firstRow + i);
}

/** The column mapping checked off the main thread; sheet rows numbered from `firstRow` (data row 0). */
function checkMapping(table: ColumnTable, roles: readonly Role[], mapping: Mapping, firstRow: number): string[] {
  return validateMapping(table, roles, mapping, { rowNumber: (i) => firstRow + i });
}

export const ANALYSES = {
  checkMapping,
  checkRfmSummary,
  checkLifetimeSummary,
  segments: segmentsWithClusters,
  segmentsFromSummary: segmentsFromSummaryWithClusters,
  clusterCustomers,
  migration: runMigration,
  /** BG/NBD, Pareto/NBD or the holdout comparison of both (`options.model`), Gamma-Gamma and CLV. */
  lifetime: runLifetime,
  lifetimeFromSummary: runLifetimeFromSummary,
  valueOverQuarters: runValueOverQuarters,
  valueMap: runValueMap,
  /** The value map with each offer's movement between two surveys (null settings: one survey). */
  valueMapOverTime: runValueMapOverTime,
  satisfaction: runSatisfaction,
  /** CSI and NPS per group: the Satisfaction view's "Compare by". */
  tracking: runTracking,
  /** The Satisfaction view's satisfaction–loyalty panel (Jones & Sasser groups and the curve). */
  satisfactionLoyalty: runSatisfactionLoyaltyPanel,
  /** The comments panel's columns and first terms; then the terms of each new choice. */
  commentsStart,
  commentTerms,
};

export type AnalysisName = keyof typeof ANALYSES;
export type AnalysisArgs<K extends AnalysisName> = Parameters<(typeof ANALYSES)[K]>;
export type AnalysisResult<K extends AnalysisName> = ReturnType<(typeof ANALYSES)[K]>;

/** Runs an analysis by name (the worker's side; also the fallback where no Worker exists). */
export function runAnalysis(name: AnalysisName, args: unknown[]): unknown {
  const analysis = ANALYSES[name] as (...a: unknown[]) => unknown;
  if (typeof analysis !== 'function' || !Object.hasOwn(ANALYSES, name)) throw new Error(`no analysis named ${JSON.stringify(name)}`);
  return analysis(...args);
}
