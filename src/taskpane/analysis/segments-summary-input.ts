/**
 * An RFM summary as the Segments view's input (issue 15): for a log too big for a sheet, the
 * "Get the SQL" RFM query's result (customer, recency in days, frequency, monetary) pasted into a
 * sheet. The view scores and segments it as it does the summary it computes from transactions.
 */
import { nonPositiveValues, tableFromColumns } from '../../core/index.ts';
import { stated } from '../../core/messages.ts';
import { cellNumber } from '../../core/table/cell.ts';
import type { ColumnTable } from '../excel/cell-values.ts';
import type { Mapping, Role } from '../mapping/roles.ts';
import { validateMapping } from '../mapping/validate.ts';
import { localToday } from './dates.ts';
import { scoreRfm, type SegmentsOptions, type SegmentsResult } from './segments.ts';

/** The RFM summary's columns: what the SQL panel's RFM query returns. */
export const RFM_SUMMARY_ROLES: readonly Role[] = [
  { key: 'customer', label: 'Customer', kind: 'id', hints: [/^customer.?(id|no|number|code)?$/i, /cust|client|account/i, /^id$/i], help: 'an id or a name per customer' },
  { key: 'recency', label: 'Recency (days)', kind: 'number', hints: [/^recency$/i, /recen|days/i], help: 'a number of days from the last purchase to the "as of" date' },
  { key: 'frequency', label: 'Frequency', kind: 'number', hints: [/^frequency$/i, /freq|count|orders|transactions/i], help: 'a whole number ≥ 1, the transactions' },
  { key: 'monetary', label: 'Monetary (total)', kind: 'number', hints: [/^monetary$/i, /amount|spend|value|total|revenue/i], help: 'a number, the total spend' },
];

/** True when the header has recency, frequency and monetary columns: the data look like an RFM summary. */
export function looksLikeRfmSummary(header: readonly string[]): boolean {
  const names = new Set(header.map((h) => h.trim().toLowerCase()));
  return names.has('recency') && names.has('frequency') && names.has('monetary');
}

function numbers(table: ColumnTable, column: string): number[] {
  return Array.from(table.array(column) as ArrayLike<unknown>, (v) => cellNumber(v));
}

/** Problems with an RFM summary mapping: the columns, then recency ≥ 0 and frequency whole ≥ 1 per row (sheet rows). */
export function rfmSummaryProblems(table: ColumnTable, mapping: Mapping, rowNumber: (i: number) => number): string[] {
  const problems = validateMapping(table, RFM_SUMMARY_ROLES, mapping, { rowNumber });
  if (problems.length > 0) return problems;
  const recency = numbers(table, mapping.recency as string);
  const frequency = numbers(table, mapping.frequency as string);
  const bad = (values: number[], ok: (v: number) => boolean) => values.findIndex((v) => !ok(v));
  const r = bad(recency, (v) => v >= 0);
  if (r >= 0) problems.push(`Column "${mapping.recency}", row ${rowNumber(r)}: recency must be a number of days ≥ 0 (it is ${recency[r]}).`);
  const f = bad(frequency, (v) => Number.isInteger(v) && v >= 1);
  if (f >= 0) problems.push(`Column "${mapping.frequency}", row ${rowNumber(f)}: frequency must be a whole number ≥ 1 (it is ${frequency[f]}).`);
  return problems;
}

/** The Segments view on an RFM summary: scores, segments and ABC classes of its rows as given. */
export function runSegmentsFromSummary(table: ColumnTable, mapping: Mapping, options: SegmentsOptions): SegmentsResult {
  const customers = Array.from(table.array(mapping.customer as string) as ArrayLike<unknown>);
  const all = tableFromColumns(
    ['customer', 'recency', 'frequency', 'monetary'],
    [customers, ...(['recency', 'frequency', 'monetary'] as const).map((key) => numbers(table, mapping[key] as string))],
  );
  const monetary = all.array('monetary') as ArrayLike<number>;
  const excludedIndex = nonPositiveValues(monetary, 'monetary');
  if (excludedIndex.length === all.numRows()) {
    throw stated(
      { argument: 'monetary', column: mapping.monetary as string },
      `Column "${mapping.monetary}": no customer has a positive total, so there is nothing to score or rank.`,
    );
  }
  const excluded = Array.from(excludedIndex, (i) => ({ customer: customers[i], monetary: monetary[i], rows: [i] }));
  const asOf = 'the summary\'s "as of" date';
  const window = { end: asOf, source: 'given' as const, today: localToday(), lateRows: new Int32Array(0), lateDates: [] };
  return { input: 'summary', asOf, window, transactions: 0, excluded, ...scoreRfm(all, excludedIndex, options) };
}
