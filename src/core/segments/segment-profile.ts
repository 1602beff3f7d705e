/**
 * Segment profile: size, share of customers, share of value and the mean and median of each
 * measure per segment — the table behind a segment summary chart.
 */
import { blankCell, invalid } from '../messages.ts';
import { GroupedSum, sum } from '../math/sum.ts';
import { quantileSorted } from '../math/quantile.ts';
import type { ColumnTable, TableInput } from '../table/input.ts';
import { isBlank } from '../table/cell.ts';
import { columnValues, numericColumn } from '../table/column-values.ts';
import { toTable } from '../table/input.ts';
import { tableFromColumns } from '../table/named-columns.ts';

export interface SegmentProfileOptions {
  /** The measure whose total is shared out in `valueShare` (default: the first measure). */
  value?: string;
  /** Segment order of the output rows; segments not listed follow in order of first appearance. */
  order?: readonly unknown[];
}

/**
 * Per segment: `customers` (rows), `customerShare` (of all rows), `valueShare` (the segment's
 * total of the value measure over the grand total; compensated sums), and for each measure
 * `<measure>_mean` and `<measure>_median` (type-7 median, i.e. the middle value or the mean of the
 * two middle values). Rows follow `order`, then first appearance.
 *
 * Reference: descriptive segment profiling as in Kotler & Keller, "Marketing Management", ch. on
 * market segmentation. O(n log n) (medians).
 *
 * @param table customers with a segment column and numeric measures
 * @param segmentColumn the column holding the segment of each customer
 * @param measures numeric columns to profile (at least one)
 * @param options `value` measure for the value share (default the first measure), `order`
 * @returns an Arquero table `<segmentColumn>, customers, customerShare, valueShare,
 *   <m>_mean, <m>_median, …`
 * @throws {InputError} on a missing column, a blank segment or a non-numeric measure value
 *   (naming column and row), or no measures
 * @example
 * segmentProfile([{ s: 'a', v: 1 }, { s: 'a', v: 3 }, { s: 'b', v: 6 }], 's', ['v']).objects();
 * // => [{ s: 'a', customers: 2, customerShare: 0.667, valueShare: 0.4, v_mean: 2, v_median: 2 },
 * //     { s: 'b', customers: 1, customerShare: 0.333, valueShare: 0.6, v_mean: 6, v_median: 6 }]
 */
export function segmentProfile(
  table: TableInput,
  segmentColumn: string,
  measures: readonly string[],
  options: SegmentProfileOptions = {},
): ColumnTable {
  const data = toTable(table, 'table');
  if (!Array.isArray(measures) || measures.length === 0) {
    throw invalid('measures', 'must list at least one numeric column');
  }
  const valueName = options.value ?? measures[0];
  const segments = columnValues(data, segmentColumn, 'segmentColumn');
  const n = segments.length;

  const ids = new Map<unknown, number>();
  const labels: unknown[] = [];
  for (const label of options.order ?? []) {
    if (!ids.has(label)) {
      ids.set(label, labels.length);
      labels.push(label);
    }
  }
  const group = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const s = segments[i];
    if (isBlank(s)) {
      throw blankCell({ argument: 'segmentColumn', column: segmentColumn, row: i + 1 });
    }
    let id = ids.get(s);
    if (id === undefined) {
      id = labels.length;
      ids.set(s, id);
      labels.push(s);
    }
    group[i] = id;
  }
  const g = labels.length;
  const counts = new Int32Array(g);
  for (let i = 0; i < n; i++) counts[group[i]]++;
  // Bucket offsets: rows of group j go to [start[j], start[j + 1]).
  const start = new Int32Array(g + 1);
  for (let j = 0; j < g; j++) start[j + 1] = start[j] + counts[j];

  // The segment column's name is user text (`__proto__` …): names and columns side by side.
  const names: string[] = [segmentColumn, 'customers', 'customerShare'];
  const columns: ArrayLike<unknown>[] = [labels, counts, Float64Array.from(counts, (c) => (n > 0 ? c / n : NaN))];
  const valueValues = numericColumn(data, valueName, 'value');
  const valueSums = new GroupedSum(g);
  for (let i = 0; i < n; i++) valueSums.add(group[i], valueValues[i]);
  const groupTotals = valueSums.result();
  const grand = sum(groupTotals);
  names.push('valueShare');
  columns.push(Float64Array.from(groupTotals, (v) => v / grand));

  const bucket = new Float64Array(n);
  const fill = new Int32Array(g);
  for (const measure of measures) {
    const values = measure === valueName ? valueValues : numericColumn(data, measure, 'measures');
    const sums = new GroupedSum(g);
    fill.fill(0);
    for (let i = 0; i < n; i++) {
      const j = group[i];
      sums.add(j, values[i]);
      bucket[start[j] + fill[j]++] = values[i];
    }
    const means = new Float64Array(g);
    const medians = new Float64Array(g);
    for (let j = 0; j < g; j++) {
      means[j] = counts[j] > 0 ? sums.get(j) / counts[j] : NaN;
      const part = bucket.subarray(start[j], start[j + 1]).sort();
      medians[j] = counts[j] > 0 ? quantileSorted(part, 0.5) : NaN;
    }
    names.push(`${measure}_mean`, `${measure}_median`);
    columns.push(means, medians);
  }
  return tableFromColumns(names, columns);
}
