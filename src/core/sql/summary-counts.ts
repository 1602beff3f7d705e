/**
 * Reading the one-row result of `customerSummaryCountsSql` or `rfmSummaryCountsSql`: the counts as
 * numbers, a sentence per thing left out, and a clear error when nothing is left to summarise.
 */
import { got, invalid, mustBe, stated } from '../messages.ts';

export interface SummaryCounts {
  rows: number;
  nullCustomer: number;
  nullDate: number;
  nullAmount: number;
  incompleteRows: number;
  afterEndRows: number;
  usedRows: number;
  customers: number;
  /** Customers whose first purchase is after calibrationEnd (customer summary only; else 0). */
  lateCustomers: number;
}

export interface SummaryCountsReport {
  counts: SummaryCounts;
  /** One sentence per kind of row or customer left out (empty when nothing was). */
  notes: string[];
}

/** A count as a driver returns it: a number, a bigint (DuckDB) or a decimal string (pg). */
function countOf(row: Record<string, unknown>, name: string, required: boolean): number {
  const value = Object.prototype.hasOwnProperty.call(row, name) ? row[name] : undefined;
  if (value === undefined && !required) return 0;
  const number = typeof value === 'bigint' || typeof value === 'string' ? Number(value) : value;
  if (typeof number !== 'number' || !Number.isInteger(number) || number < 0) {
    throw invalid({ argument: 'counts', column: name }, `must be a count${got(value)}; pass the row the counts query returned`);
  }
  return number;
}

const plural = (n: number, one: string, many = `${one}s`): string => `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;

/**
 * Checks the counts row of a summary query and says what was left out.
 *
 * @param row the counts query's one row (column names as it returns them; numbers, bigints or
 *   decimal strings)
 * @param table the table's name, for the messages (default `'the table'`)
 * @returns the counts and one note per exclusion, e.g. `2 rows with a NULL customer, date or
 *   amount were left out (customer 1, date 0, amount 1)`
 * @throws {InputError} when the table is empty, when no complete row is on or before the end
 *   date, or when the row is not a counts row
 * @example checkSummaryCounts({ rows: 0n, null_customer: 0n, … }, 'orders');
 * // throws 'table "orders" is empty: there are no transactions to summarise'
 */
export function checkSummaryCounts(row: unknown, table = 'the table'): SummaryCountsReport {
  if (row === null || typeof row !== 'object') {
    throw mustBe('counts', 'the one row the counts query returned');
  }
  const record = row as Record<string, unknown>;
  const counts: SummaryCounts = {
    rows: countOf(record, 'rows', true),
    nullCustomer: countOf(record, 'null_customer', true),
    nullDate: countOf(record, 'null_date', true),
    nullAmount: countOf(record, 'null_amount', true),
    incompleteRows: countOf(record, 'incomplete_rows', true),
    afterEndRows: countOf(record, 'after_end_rows', true),
    usedRows: countOf(record, 'used_rows', true),
    customers: countOf(record, 'customers', true),
    lateCustomers: countOf(record, 'late_customers', false),
  };
  const name = table === 'the table' ? table : `table ${JSON.stringify(table)}`;
  if (counts.rows === 0) {
    throw stated('table', `${name} is empty: there are no transactions to summarise`);
  }
  if (counts.usedRows === 0 || counts.customers === 0) {
    throw stated(
      'table',
      `${name} has ${plural(counts.rows, 'row')} but none to summarise: ` +
        `${plural(counts.incompleteRows, 'row')} with a NULL customer, date or amount, ` +
        `${plural(counts.afterEndRows, 'row')} after the end date`,
    );
  }
  const notes: string[] = [];
  if (counts.incompleteRows > 0) {
    notes.push(
      `${plural(counts.incompleteRows, 'row')} with a NULL customer, date or amount ${counts.incompleteRows === 1 ? 'was' : 'were'} left out ` +
        `(customer ${counts.nullCustomer}, date ${counts.nullDate}, amount ${counts.nullAmount})`,
    );
  }
  if (counts.afterEndRows > 0) {
    notes.push(`${plural(counts.afterEndRows, 'row')} dated after the end date ${counts.afterEndRows === 1 ? 'was' : 'were'} ignored`);
  }
  if (counts.lateCustomers > 0) {
    notes.push(
      `${plural(counts.lateCustomers, 'customer')} whose first purchase is after calibrationEnd ${counts.lateCustomers === 1 ? 'is' : 'are'} not in the summary`,
    );
  }
  return { counts, notes };
}
