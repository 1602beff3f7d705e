/**
 * A per-customer summary as the Lifetime value view's input (issue 15): for a log too big for a
 * sheet, the "Get the SQL" query's result (customer, x, t_x, T in weeks, monetary) pasted into a
 * sheet. The view then fits and scores it as it does the summary it computes from transactions.
 */
import { tableFromColumns } from '../../core/index.ts';
import { cellNumber } from '../../core/table/cell.ts';
import type { ColumnTable } from '../excel/cell-values.ts';
import type { Mapping, Role } from '../mapping/roles.ts';
import { validateMapping } from '../mapping/validate.ts';
import { localToday } from './dates.ts';
import { scoreSummary, type LifetimeOptions, type LifetimeResult } from './lifetime.ts';

/** The summary's columns: what the SQL panel's customer summary query returns. */
export const SUMMARY_ROLES: readonly Role[] = [
  { key: 'customer', label: 'Customer', kind: 'id', hints: [/^customer.?(id|no|number|code)?$/i, /cust|client|account/i, /^id$/i], help: 'an id or a name per customer' },
  { key: 'x', label: 'x (repeat purchases)', kind: 'number', hints: [/^x$/i, /^frequency$/i, /repeat/i], help: 'a whole number ≥ 0, the purchase days after the first' },
  { key: 't_x', label: 't_x (recency, weeks)', kind: 'number', hints: [/^t_?x$/i, /^recency$/i], help: 'a number of weeks from the first to the last purchase' },
  { key: 'T', label: 'T (age, weeks)', kind: 'number', hints: [/^T$/, /^t$/i, /^age$/i], help: 'a number of weeks from the first purchase to the end of the period' },
  { key: 'monetary', label: 'Monetary (mean repeat value)', kind: 'number', hints: [/^monetary$/i, /mean|avg|average|value|spend/i], help: 'a number, the mean value of the repeat purchase days' },
];

/** True when the header has x, t_x and T columns: the data look like a customer summary. */
export function looksLikeSummary(header: readonly string[]): boolean {
  const names = new Set(header.map((h) => h.trim()));
  return names.has('x') && (names.has('t_x') || names.has('tx')) && names.has('T');
}

function numbers(table: ColumnTable, column: string): Float64Array {
  const values = table.array(column) as ArrayLike<unknown>;
  return Float64Array.from({ length: values.length }, (_, i) => cellNumber(values[i]));
}

/**
 * Problems with a summary mapping: the columns (as for any mapping: missing, used twice, the
 * first bad cell), then the model's rules per row (x whole, 0 ≤ t_x ≤ T), naming the sheet row.
 */
export function summaryProblems(table: ColumnTable, mapping: Mapping, rowNumber: (i: number) => number): string[] {
  const problems = validateMapping(table, SUMMARY_ROLES, mapping, { rowNumber });
  if (problems.length > 0) return problems;
  const x = numbers(table, mapping.x as string);
  const tx = numbers(table, mapping.t_x as string);
  const T = numbers(table, mapping.T as string);
  const rule = (label: string, test: (i: number) => boolean, say: (i: number) => string) => {
    for (let i = 0; i < x.length; i++) {
      if (!test(i)) {
        problems.push(`${label}, row ${rowNumber(i)}: ${say(i)}.`);
        return;
      }
    }
  };
  rule(`Column "${mapping.x}"`, (i) => Number.isInteger(x[i]) && x[i] >= 0 && x[i] <= 1e6, (i) => `x must be a whole number from 0 to 1,000,000 (it is ${x[i]})`);
  rule(`Column "${mapping.T}"`, (i) => T[i] >= 0 && T[i] <= 1e6, (i) => `T must be a number of weeks from 0 to 1,000,000 (it is ${T[i]})`);
  rule(`Column "${mapping.t_x}"`, (i) => tx[i] >= 0 && tx[i] <= T[i], (i) => `t_x must lie between 0 and T (t_x is ${tx[i]}, T is ${T[i]})`);
  return problems;
}

/** The Lifetime value view on a summary: its rows as given (weeks), the chosen model, Gamma-Gamma and CLV. */
export function runLifetimeFromSummary(table: ColumnTable, mapping: Mapping, options: LifetimeOptions): LifetimeResult {
  const customers = Array.from(table.array(mapping.customer as string) as ArrayLike<unknown>);
  const summary = tableFromColumns(
    ['customer', 'x', 't_x', 'T', 'monetary'],
    [customers, ...(['x', 't_x', 'T', 'monetary'] as const).map((key) => Array.from(numbers(table, mapping[key] as string)))],
  );
  const end = 'the end of the summary';
  const window = { end, source: 'given' as const, today: localToday(), lateRows: new Int32Array(0), lateDates: [] };
  return { input: 'summary', calibrationEnd: end, window, transactions: 0, ...scoreSummary(summary, { ...options, model: options.model === 'pareto-nbd' ? 'pareto-nbd' : 'bg-nbd' }, null) };
}
