/**
 * RFM scoring: recency, frequency and monetary value turned into scores 1..bins by quantile
 * breaks, as in R's `rfm` package (without its +1 shift of the breaks).
 */
import { invalid, mustBe } from '../messages.ts';
import { distinctSorted, orderStatistics } from '../math/order-statistics.ts';
import { quantileSorted } from '../math/quantile.ts';
import type { ColumnTable, TableInput } from '../table/input.ts';
import { toTable } from '../table/input.ts';
import { columnValues, numbersOf } from '../table/column-values.ts';

/**
 * How the breaks treat tied values.
 * - `'quantile'` (default): breaks are the type-7 quantiles of the values. Equal values share a
 *   score; with heavy ties (most customers bought once) some scores come out empty — they are
 *   listed by `rfmBreaks`, never hidden.
 * - `'dense'`: breaks are the type-7 quantiles of the distinct values (quantiles of dense ranks).
 *   Equal values still share a score, and no score is empty as long as the measure has at least
 *   `bins` distinct values; class sizes are unequal.
 * - `'first'`: breaks on ordinal ranks, ties broken by row order (pandas'
 *   `qcut(x.rank(method='first'), bins)`): classes of equal size, but equal values may get
 *   different scores. For analysts who need equal-sized groups more than a rule on values.
 */
export type RfmTies = 'quantile' | 'dense' | 'first';

export interface RfmScoreOptions {
  /** Column of days since the last purchase (default `'recency'`). */
  recency?: string;
  /** Column of purchase counts (default `'frequency'`). */
  frequency?: string;
  /** Column of total spend (default `'monetary'`). */
  monetary?: string;
  /** Number of scores, 2..20 (default 5). */
  bins?: number;
  /** Tie policy (default `'quantile'`). */
  ties?: RfmTies;
}

/** The breaks of one measure and what came of them. */
export interface MeasureBreaks {
  /** The column the measure was read from. */
  column: string;
  /** The `bins − 1` breaks, ascending, in the measure's units (for `'first'`: the value quantiles, for orientation). */
  breaks: number[];
  /** Customers per score: `counts[s − 1]` customers scored `s`. */
  counts: number[];
  /** Scores no customer received. */
  empty: number[];
  /** Distinct values of the measure. */
  distinct: number;
  /** True for recency: a higher value means a lower score. */
  reversed: boolean;
}

export interface RfmBreaks {
  bins: number;
  ties: RfmTies;
  /** The scoring rule in words, for the pane and notebooks. */
  policy: string;
  recency: MeasureBreaks;
  frequency: MeasureBreaks;
  monetary: MeasureBreaks;
  /** True when any score of any measure is empty. */
  hasEmpty: boolean;
}

const POLICY: Record<RfmTies, string> = {
  quantile:
    'breaks are the type-7 quantiles of the values at k/bins; a value scores 1 + the number of breaks <= it (recency reversed); equal values share a score',
  dense:
    'breaks are the type-7 quantiles of the distinct values at k/bins; a value scores 1 + the number of breaks <= it (recency reversed); equal values share a score',
  first:
    'customers ranked by value, ties by row order; rank r (0-based) scores 1 + the number of k with (n-1)k/bins < r, as pandas qcut(x.rank(method="first"), bins) (recency reversed); equal values may get different scores',
};

/** A numeric column as a typed array (integer columns as they are), without Arquero's per-row callback. */
function measureColumn(table: ColumnTable, column: string, argument: string): Float64Array | Int32Array {
  const values = columnValues(table, column, argument);
  return values instanceof Int32Array ? values : numbersOf(values, column, argument);
}

interface Resolved {
  table: ColumnTable;
  bins: number;
  ties: RfmTies;
  columns: [string, string, string];
}

function resolve(summary: TableInput, options: RfmScoreOptions): Resolved {
  const table = toTable(summary, 'summary');
  const bins = options.bins ?? 5;
  if (!Number.isInteger(bins) || bins < 2 || bins > 20) {
    throw mustBe('bins', 'an integer from 2 to 20', { value: bins, code: 'num' });
  }
  const ties = options.ties ?? 'quantile';
  if (ties !== 'quantile' && ties !== 'dense' && ties !== 'first') {
    throw mustBe('ties', `'quantile', 'dense' or 'first'`, { value: ties });
  }
  if (table.numRows() === 0) {
    throw invalid('summary', 'has no rows to score');
  }
  return {
    table,
    bins,
    ties,
    columns: [options.recency ?? 'recency', options.frequency ?? 'frequency', options.monetary ?? 'monetary'],
  };
}

/** Count of breaks <= value (breaks ascending): an upper-bound binary search. */
function countAtOrBelow(breaks: Float64Array, value: number): number {
  let lo = 0;
  let hi = breaks.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (breaks[mid] <= value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Type-7 quantile breaks at k/bins without sorting: the two order statistics around each
 * h = (n − 1)k/bins, interpolated exactly as `quantileSorted` does.
 */
function quantileBreaks(values: ArrayLike<number>, bins: number): Float64Array {
  const n = values.length;
  const positions: number[] = [];
  const hs: number[] = [];
  for (let k = 1; k < bins; k++) {
    const h = (n - 1) * (k / bins);
    const lo = Math.floor(h);
    hs.push(h);
    positions.push(lo, Math.min(lo + 1, n - 1));
  }
  const at = orderStatistics(values, positions);
  const breaks = new Float64Array(bins - 1);
  for (let k = 0; k < bins - 1; k++) {
    const lo = at[2 * k];
    const hi = at[2 * k + 1];
    const h = hs[k];
    breaks[k] = lo + (h - Math.floor(h)) * (hi - lo);
  }
  return breaks;
}

/** Scores one measure; returns the scores and its break report (`distinct` only when asked). */
export function _scoreMeasure(
  values: ArrayLike<number>,
  bins: number,
  ties: RfmTies,
  reversed: boolean,
  column: string,
  withDistinct = true,
): { scores: Int32Array; report: MeasureBreaks } {
  const n = values.length;
  let breaks: Float64Array;
  let distinct = -1;
  if (ties === 'dense') {
    const unique = distinctSorted(values);
    distinct = unique.length;
    breaks = new Float64Array(bins - 1);
    for (let k = 1; k < bins; k++) breaks[k - 1] = quantileSorted(unique, k / bins);
  } else {
    breaks = quantileBreaks(values, bins);
  }
  if (distinct < 0 && withDistinct) distinct = distinctSorted(values).length;

  const scores = new Int32Array(n);
  if (ties === 'first') {
    // Stable order by value: ties keep row order.
    const order = new Int32Array(n);
    for (let i = 0; i < n; i++) order[i] = i;
    order.sort((a, b) => values[a] - values[b] || a - b);
    let score = 1;
    let nextBreak = 1;
    for (let r = 0; r < n; r++) {
      // Right-closed like pandas' qcut: rank r moves past break k only when (n−1)k/bins < r.
      while (nextBreak < bins && ((n - 1) * nextBreak) / bins < r) {
        score++;
        nextBreak++;
      }
      scores[order[r]] = score;
    }
  } else if (bins <= 8) {
    // Few breaks: a linear count beats a binary search.
    const m = bins - 1;
    for (let i = 0; i < n; i++) {
      const v = values[i];
      let score = 1;
      for (let k = 0; k < m; k++) if (breaks[k] <= v) score++;
      scores[i] = score;
    }
  } else {
    for (let i = 0; i < n; i++) scores[i] = 1 + countAtOrBelow(breaks, values[i]);
  }

  const tally = new Int32Array(bins + 1);
  if (reversed) for (let i = 0; i < n; i++) scores[i] = bins + 1 - scores[i];
  for (let i = 0; i < n; i++) tally[scores[i]]++;
  const counts = Array.from(tally.subarray(1));
  const empty: number[] = [];
  for (let s = 1; s <= bins; s++) if (counts[s - 1] === 0) empty.push(s);
  return {
    scores,
    report: { column, breaks: Array.from(breaks), counts, empty, distinct, reversed },
  };
}

function score(summary: TableInput, options: RfmScoreOptions, withDistinct: boolean) {
  const { table, bins, ties, columns } = resolve(summary, options);
  const names = ['recency', 'frequency', 'monetary'] as const;
  const results = columns.map((column, i) =>
    _scoreMeasure(measureColumn(table, column, names[i]), bins, ties, i === 0, column, withDistinct),
  );
  return { table, bins, ties, results };
}

/**
 * RFM scores: each of recency, frequency and monetary value scored 1..bins by quantile breaks.
 * The breaks are the type-7 sample quantiles (R's default, numpy's "linear") at k/bins,
 * k = 1..bins−1; a value scores 1 + the number of breaks ≤ it. Recency is reversed,
 * `R = bins + 1 − score(recency)`, so the most recent buyers score highest. Equal values share a
 * score (under the default tie policy), so heavy ties can leave scores empty: `rfmBreaks` lists
 * them; `ties: 'dense'` or `'first'` spread the classes (see `RfmTies`).
 *
 * Reference: Hughes (1994), "Strategic Database Marketing"; R package `rfm` (Hebbali),
 * `rfm_table_customer`; Hyndman & Fan (1996) for type-7 quantiles. O(n log n).
 *
 * @param summary customers with recency (days), frequency and monetary columns, e.g. from
 *   `rfmSummary` (an Arquero table or an array of row objects)
 * @param options column names, `bins` (default 5), `ties` (default `'quantile'`)
 * @returns the table with integer columns `R`, `F`, `M` added
 * @throws {InputError} on a missing column, a non-numeric value (naming column and row), an empty
 *   table, or bins outside 2..20
 * @example
 * rfmScores([
 *   { recency: 1, frequency: 5, monetary: 500 },
 *   { recency: 10, frequency: 1, monetary: 20 },
 *   { recency: 100, frequency: 2, monetary: 90 },
 * ], { bins: 3 }).objects();
 * // => [{ ..., R: 3, F: 3, M: 3 }, { ..., R: 2, F: 1, M: 1 }, { ..., R: 1, F: 2, M: 2 }]
 */
export function rfmScores(summary: TableInput, options: RfmScoreOptions = {}): ColumnTable {
  const { table, results } = score(summary, options, false);
  return table.assign({ R: results[0].scores, F: results[1].scores, M: results[2].scores });
}

/**
 * The breaks `rfmScores` uses with the same options, the customers per score and the scores that
 * came out empty, so that a pane or notebook can show them next to the scores.
 *
 * @param summary as for `rfmScores`
 * @param options as for `rfmScores`
 * @returns `{ bins, ties, policy, recency, frequency, monetary, hasEmpty }`, each measure with
 *   `breaks`, `counts` (per score 1..bins), `empty`, `distinct`, `reversed`
 * @throws {InputError} as `rfmScores`
 * @example
 * // 6 one-time buyers and 4 repeat buyers: frequency breaks 1, 1, 1.4, 2.2
 * const recency = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
 * const frequency = [1, 1, 1, 1, 1, 1, 2, 2, 3, 4];
 * rfmBreaks(aq.table({ recency, frequency, monetary: recency })).frequency;
 * // => { breaks: [1, 1, 1.4, 2.2], counts: [0, 0, 6, 2, 2], empty: [1, 2], distinct: 4, ... }
 */
export function rfmBreaks(summary: TableInput, options: RfmScoreOptions = {}): RfmBreaks {
  const { bins, ties, results } = score(summary, options, true);
  const [recency, frequency, monetary] = results.map((r) => r.report);
  return {
    bins,
    ties,
    policy: POLICY[ties],
    recency,
    frequency,
    monetary,
    hasEmpty: recency.empty.length + frequency.empty.length + monetary.empty.length > 0,
  };
}
