/**
 * The Segments view's computation: RFM summary and scores (with the bin edges and tie policy),
 * named RFM segments with their coverage, ABC classes of customer value, and k-means on R, F, M.
 * Pure: table and mapping in, results out (the view renders them, the sheet writer writes them).
 */
import * as aq from 'arquero';
import {
  abcClasses,
  kmeans,
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
import type { ColumnTable } from '../excel/cell-values.ts';
import type { Mapping } from '../mapping/roles.ts';
import { datedLog } from './dates.ts';

export interface SegmentsOptions {
  bins: number;
  ties: RfmTies;
  /** Recency is counted to this day; default the last purchase day on or before today. */
  asOf?: string;
  /** Today (default: now); rows after it never set the default "as of". */
  today?: unknown;
}

export interface SegmentsResult {
  asOf: string;
  /** How "as of" was chosen and the rows dated after it (left out). */
  window: AnalysisEnd;
  /** Transactions used (on or before "as of"). */
  transactions: number;
  /** customer, recency, frequency, monetary, R, F, M (+ segment when the rules apply, + abc). */
  customers: ColumnTable;
  breaks: RfmBreaks;
  /** Named segments (default rules, written for 5 scores); null with another number of bins. */
  segments: RfmSegmentResult | null;
  /** Per segment: customers, shares, mean and median of R, F, M measures. */
  profile: ColumnTable | null;
  abc: AbcResult;
}

export function runSegments(table: ColumnTable, mapping: Mapping, options: SegmentsOptions): SegmentsResult {
  const columns = { customer: mapping.customer as string, date: mapping.date as string, amount: mapping.amount as string };
  const { window, table: used } = datedLog(table, columns.date, options.asOf, options.today ?? new Date());
  const asOf = window.end;
  const summary = rfmSummary(used, { ...columns, asOf });
  const scoreOptions = { bins: options.bins, ties: options.ties };
  let scored = rfmScores(summary, scoreOptions);
  const breaks = rfmBreaks(summary, scoreOptions);
  let segments: RfmSegmentResult | null = null;
  let profile: ColumnTable | null = null;
  if (options.bins === 5) {
    segments = rfmSegments(scored);
    scored = segments.table;
    const order = [...segments.coverage.map((c) => c.segment)];
    profile = segmentProfile(scored, 'segment', ['monetary', 'frequency', 'recency'], { order }).filter(
      aq.escape((d: { customers: number }) => d.customers > 0),
    );
  }
  const abc = abcClasses(summary.array('monetary') as ArrayLike<unknown>);
  const customers = scored.assign({ abc: abc.classes });
  return { asOf, window, transactions: used.numRows(), customers, breaks, segments, profile, abc };
}

/** k-means on the customers' recency, frequency and monetary value (standardized), seeded. */
export function runKMeans(customers: ColumnTable, k: number, seed = 1): KMeansResult {
  return kmeans(customers, { columns: ['recency', 'frequency', 'monetary'], k, seed, nInit: 10 });
}
