/**
 * The Segments view's computation: RFM summary and scores (with the bin edges and tie policy),
 * named RFM segments with their coverage, ABC classes of customer value, and k-means on R, F, M.
 * Pure: table and mapping in, results out (the view renders them, the sheet writer writes them).
 */
import {
  abcClasses,
  countDistinctRows,
  isInputError,
  kmeans,
  nonPositiveValues,
  rfmBreaks,
  rfmScores,
  rfmSegments,
  rfmSummary,
  segmentProfile,
  type AbcResult,
  type AnalysisEnd,
  type KMeansResult,
  type RfmBreaks,
  type RfmSegmentResult,
  type RfmTies,
} from '../../core/index.ts';
import { stated } from '../../core/messages.ts';
import type { ColumnTable } from '../excel/cell-values.ts';
import type { Mapping } from '../mapping/roles.ts';
import { datedLog, localToday, withoutRows } from './dates.ts';
import { fieldProblem, PANE_LIMITS } from './limits.ts';

export interface SegmentsOptions {
  bins: number;
  ties: RfmTies;
  /** Recency is counted to this day; default the last purchase day on or before today. */
  asOf?: string;
  /** Today (default: now); rows after it never set the default "as of". */
  today?: unknown;
}

/** A customer left out of scoring because their amounts net to zero or less. */
export interface ExcludedCustomer {
  customer: unknown;
  /** Net amount (purchases minus returns). */
  monetary: number;
  /** The customer's rows in the table (0-based, on or before "as of"), for sheet rows in messages. */
  rows: number[];
}

export interface SegmentsResult {
  /** What the view was given: a transaction log, or a per-customer RFM summary. */
  input?: 'transactions' | 'summary';
  asOf: string;
  /** How "as of" was chosen and the rows dated after it (left out). */
  window: AnalysisEnd;
  /** Transactions used (on or before "as of"). */
  transactions: number;
  /** Customers in the log up to "as of", scored or not. */
  allCustomers: number;
  /** The scored customers (net amount > 0): customer, recency, frequency, monetary, R, F, M (+ segment when the rules apply, + abc). */
  customers: ColumnTable;
  /** Customers whose amounts net to zero or less, left out of scores, segments, ABC and k-means. */
  excluded: ExcludedCustomer[];
  breaks: RfmBreaks;
  /** Named segments (default rules, written for 5 scores); null with another number of bins. */
  segments: RfmSegmentResult | null;
  /** Per segment: customers, shares, mean and median of R, F, M measures. */
  profile: ColumnTable | null;
  abc: AbcResult;
}

export function runSegments(table: ColumnTable, mapping: Mapping, options: SegmentsOptions): SegmentsResult {
  const columns = { customer: mapping.customer as string, date: mapping.date as string, amount: mapping.amount as string };
  const { window, table: used } = datedLog(table, columns.date, options.asOf, options.today ?? localToday());
  const asOf = window.end;
  const all = rfmSummary(used, { ...columns, asOf });
  const excludedIndex = nonPositiveValues(all.array('monetary') as ArrayLike<unknown>, 'monetary');
  if (excludedIndex.length === all.numRows()) {
    throw stated(
      { argument: 'amount', column: columns.amount },
      `Column "${columns.amount}": no customer has a positive net amount, so there is nothing to score or rank.`,
    );
  }
  const excluded = excludedCustomers(table, columns.customer, window.lateRows, all, excludedIndex);
  return { input: 'transactions', asOf, window, transactions: used.numRows(), excluded, ...scoreRfm(all, excludedIndex, options) };
}

/**
 * Scores, named segments, profile and ABC classes of an RFM summary (`customer, recency,
 * frequency, monetary`), leaving out the rows listed (customers without a positive value).
 */
export function scoreRfm(all: ColumnTable, excludedIndex: Int32Array, options: SegmentsOptions): Pick<SegmentsResult, 'allCustomers' | 'customers' | 'breaks' | 'segments' | 'profile' | 'abc'> {
  const summary = withoutRows(all, excludedIndex);
  const scoreOptions = { bins: options.bins, ties: options.ties };
  let scored = rfmScores(summary, scoreOptions);
  const breaks = rfmBreaks(summary, scoreOptions);
  let segments: RfmSegmentResult | null = null;
  let profile: ColumnTable | null = null;
  if (options.bins === 5) {
    segments = rfmSegments(scored);
    scored = segments.table;
    const order = [...segments.coverage.map((c) => c.segment)];
    const bySegment = segmentProfile(scored, 'segment', ['monetary', 'frequency', 'recency'], { order });
    // Empty segments left out with a loop: Arquero's filter compiles code, which the pane's CSP refuses.
    const counts = bySegment.array('customers') as ArrayLike<number>;
    const empty: number[] = [];
    for (let i = 0; i < counts.length; i++) if (!(counts[i] > 0)) empty.push(i);
    profile = withoutRows(bySegment, empty);
  }
  const abc = abcClasses(summary.array('monetary') as ArrayLike<unknown>);
  const customers = scored.assign({ abc: abc.classes });
  return { allCustomers: all.numRows(), customers, breaks, segments, profile, abc };
}

/** The excluded customers with their net amount and their rows in the original table (late rows skipped). */
function excludedCustomers(
  table: ColumnTable,
  customerColumn: string,
  lateRows: Int32Array,
  summary: ColumnTable,
  index: Int32Array,
): ExcludedCustomer[] {
  if (index.length === 0) return [];
  const keys = summary.array('customer') as ArrayLike<unknown>;
  const monetary = summary.array('monetary') as ArrayLike<number>;
  const byKey = new Map<unknown, ExcludedCustomer>();
  const out: ExcludedCustomer[] = [];
  for (const i of index) {
    const entry = { customer: keys[i], monetary: monetary[i], rows: [] as number[] };
    byKey.set(keys[i], entry);
    out.push(entry);
  }
  const late = new Set(lateRows);
  const ids = table.array(customerColumn) as ArrayLike<unknown>;
  for (let i = 0; i < ids.length; i++) {
    const entry = byKey.get(ids[i]);
    if (entry && !late.has(i)) entry.rows.push(i);
  }
  return out;
}

export interface KMeansViewOptions {
  k: number;
  /**
   * Cluster log1p of frequency and monetary (recency as it is), as notebook 03 does: both are
   * heavily right-skewed, and on raw values k-means spends clusters on a few outliers (CDNOW,
   * k = 4: a one-customer cluster). The pane's default.
   */
  log: boolean;
  seed?: number;
}

const KMEANS_COLUMNS = ['recency', 'frequency', 'monetary'];

/** k-means on the customers' recency, frequency and monetary value (standardized), seeded. */
export function runKMeans(customers: ColumnTable, options: KMeansViewOptions): KMeansResult {
  return kmeans(customers, {
    columns: KMEANS_COLUMNS,
    k: options.k,
    seed: options.seed ?? 1,
    nInit: 10,
    transform: options.log ? ['none', 'log', 'log'] : 'none',
  });
}

/**
 * k-means for the view: the clusters, or a message about k naming the field (k out of the
 * field's range, above the scored customers or above their distinct profiles) so that the rest
 * of the view still shows.
 */
export function clusterCustomers(customers: ColumnTable, options: KMeansViewOptions): { clusters: KMeansResult | null; problem: string | null } {
  const field = PANE_LIMITS.k.label;
  const outOfRange = fieldProblem(PANE_LIMITS.k, String(options.k));
  if (outOfRange) return { clusters: null, problem: outOfRange };
  try {
    return { clusters: runKMeans(customers, options), problem: null };
  } catch (error) {
    if (!isInputError(error) || error.argument !== 'k') throw error;
    const n = customers.numRows();
    if (options.k > n) {
      return { clusters: null, problem: `${field} is ${options.k}, but only ${n} customer${n === 1 ? ' is' : 's are'} scored: choose k from 1 to ${n}.` };
    }
    const m = countDistinctRows(customers, KMEANS_COLUMNS);
    return {
      clusters: null,
      problem: `${field} is ${options.k}, but the ${n} scored customers have only ${m} distinct recency, frequency and monetary profile${m === 1 ? '' : 's'}: choose k from 1 to ${m}.`,
    };
  }
}
